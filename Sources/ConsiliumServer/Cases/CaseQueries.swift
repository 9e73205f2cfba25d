import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird
import SQLKit

/// The only way to load cases: every query is scoped to what the signed-in person may see
/// (`AccessPolicy.caseScope`). The patient and family members linked to the patient, the
/// confirmed treating physician (once verified), the assigned consultant, and staff see a case;
/// for anyone else it does not exist. What they may do to it is `AccessPolicy`'s table
/// (`require`).
struct CaseQueries: Sendable {
    let database: DatabaseService

    /// The case with `id` if `identity` may see it, else nil (shown as 404). Inside a
    /// transaction (`db`), through Fluent on it; otherwise in plain SQL on a reader, since every
    /// page of a case starts here (see `DatabaseService.read`): the same scope, one statement.
    func visibleCase(_ id: CaseID, to identity: SignedInUser, on db: (any Database)? = nil) async throws -> CaseModel? {
        if let db {
            let query = try await scoped(CaseModel.query(on: db).filter(\.$id == id.rawValue), to: identity, on: db)
            return try await query?.with(\.$patient).first()
        }
        guard let scope = try await sqlScope(for: identity),
            let caseModel = try await database.read(
                CaseModel.self, "SELECT * FROM \(ident: CaseModel.schema) WHERE id = \(bind: id.rawValue)" + scope
            ).first
        else { return nil }
        return try await database.withParents([caseModel], \.$patient).first
    }

    /// The condition (" AND ...") that narrows `cases` to what `identity` may see, or nil when
    /// they may see none: `AccessPolicy.caseScope` in SQL, for the reads of a reader.
    private func sqlScope(for identity: SignedInUser) async throws -> SQLQueryString? {
        let me = identity.id.rawValue
        switch AccessPolicy.caseScope(for: identity.role) {
        case .all:
            return ""
        case .linkedPatients:
            return " AND patient_id IN (SELECT patient_id FROM \(ident: PatientAccessModel.schema) WHERE user_id = \(bind: me))"
        case .treatedByMe:
            guard try await PhysicianDirectory.isVerified(identity.id, on: database.db) else { return nil }
            return " AND treating_physician_id = \(bind: me)"
        case .assignedToMe:
            return " AND assigned_consultant_id = \(bind: me)"
        }
    }

    /// The case the route's `id` names, if the signed-in person may see it. Anything else is a
    /// 404 whose refusal is audited: a case that exists but is not theirs looks like no case.
    func requestedCase<Area>(_ context: SignedInAreaContext<Area>, audit: AuditLog) async throws -> CaseModel {
        guard let id = context.parameters.get("id", as: UUID.self).map(CaseID.init(rawValue:)),
            let caseModel = try await visibleCase(id, to: context.identity)
        else {
            try await audit.record(
                .permissionDenied,
                by: context.auditActor,
                on: .init(type: "Case", id: context.parameters.get("id") ?? "", patientID: nil), outcome: .denied, in: database.db)
            throw HTTPError(.notFound)
        }
        return caseModel
    }

    /// The current record the route's `record` names, in `caseModel`. A record of another case,
    /// or one marked entered-in-error, is a 404 whose refusal is audited: a removed record may
    /// still be listed as having existed, but nobody opens it again.
    func requestedRecord<Area>(in caseModel: CaseModel, _ context: SignedInAreaContext<Area>, audit: AuditLog) async throws -> RecordModel {
        let raw = context.parameters.get("record") ?? ""
        guard let recordID = UUID(uuidString: raw).map(RecordID.init(rawValue:)),
            let record = try await RecordModel.query(on: database.db).filter(\.$id == recordID.rawValue)
                .filter(\.$caseModel.$id == caseModel.requireID()).filter(\.$status == RecordStatus.current).first()
        else {
            try await audit.record(
                .permissionDenied, by: context.auditActor,
                on: .init(type: "DocumentReference", id: raw, patientID: PatientID(rawValue: caseModel.$patient.id)), outcome: .denied,
                in: database.db)
            throw HTTPError(.notFound)
        }
        return record
    }

    /// Every case `identity` may see, newest first.
    func visibleCases(to identity: SignedInUser, limit: Int = 200) async throws -> [CaseModel] {
        guard let scope = try await sqlScope(for: identity) else { return [] }
        return try await database.withParents(
            database.read(
                CaseModel.self,
                "SELECT * FROM \(ident: CaseModel.schema) WHERE 1 = 1" + scope + " ORDER BY created_at DESC LIMIT \(bind: limit)"),
            \.$patient)
    }

    /// `query` narrowed to the cases `identity` may see, or nil when they may see none.
    private func scoped(
        _ query: QueryBuilder<CaseModel>, to identity: SignedInUser, on db: any Database
    ) async throws
        -> QueryBuilder<CaseModel>?
    {
        switch AccessPolicy.caseScope(for: identity.role) {
        case .all:
            return query
        case .linkedPatients:
            let patientIDs = try await PatientAccessModel.query(on: db).filter(\.$user.$id == identity.id.rawValue).all()
                .map { $0.$patient.id }
            guard !patientIDs.isEmpty else { return nil }
            return query.filter(\.$patient.$id ~~ patientIDs)
        case .treatedByMe:
            guard try await PhysicianDirectory.isVerified(identity.id, on: db) else { return nil }
            return query.filter(\.$treatingPhysician.$id == identity.id.rawValue)
        case .assignedToMe:
            return query.filter(\.$assignedConsultantID == identity.id.rawValue)
        }
    }
}

/// Physicians' verification status.
enum PhysicianDirectory {
    static func profile(of userID: UserID, on db: any Database) async throws -> PhysicianProfileModel? {
        try await PhysicianProfileModel.query(on: db).filter(\.$user.$id == userID.rawValue).first()
    }

    static func isVerified(_ userID: UserID, on db: any Database) async throws -> Bool {
        try await profile(of: userID, on: db)?.isVerified ?? false
    }
}
