import ConsiliumCore
import Foundation
import Hummingbird

/// `AccessPolicy` asked about a case the signed-in person can see (it came through
/// `CaseQueries`), with the facts the policy needs read from the models.
enum CaseAccess {
    /// What the policy looks at for `caseModel`, its report and (for a record action) the record.
    static func facts(
        _ caseModel: CaseModel, report: ReportModel? = nil, record: RecordModel? = nil, viewer: SignedInUser
    ) -> AccessPolicy.CaseFacts {
        AccessPolicy.CaseFacts(
            state: caseModel.state, report: report?.stage ?? .none, courtesyCopy: report?.courtesyCopy ?? true,
            wroteReport: report?.consultantID == viewer.id.rawValue, sentRecord: record?.$uploadedBy.id == viewer.id.rawValue)
    }

    /// Whether the signed-in person may do `action` now.
    static func allows<Area>(
        _ action: AccessPolicy.CaseAction, _ context: SignedInAreaContext<Area>, _ caseModel: CaseModel, report: ReportModel? = nil,
        record: RecordModel? = nil
    ) -> Bool {
        AccessPolicy.allows(
            action, context.relation, facts(caseModel, report: report, record: record, viewer: context.identity))
    }

}

extension CaseQueries {
    /// Goes on when the policy allows `action` on a case the person can see; otherwise throws
    /// the answer the policy names (404, 403 or 409), audited unless it is only "not now"
    /// (`conflict` then names the message that says why, to the person).
    func require<Area>(
        _ action: AccessPolicy.CaseAction, _ context: SignedInAreaContext<Area>, _ caseModel: CaseModel, report: ReportModel? = nil,
        record: RecordModel? = nil, audit: AuditLog, conflict: String = "refused-not-now"
    ) async throws {
        let decision = AccessPolicy.decide(
            action, context.relation, CaseAccess.facts(caseModel, report: report, record: record, viewer: context.identity))
        switch decision {
        case .allowed:
            return
        case .notNow:
            throw Refusal(.conflict, conflict)
        case .hidden, .refused:
            try await audit.record(
                .permissionDenied, by: context.auditActor, on: try .case(caseModel), outcome: .denied, detail: action.rawValue,
                in: database.db)
            throw HTTPError(decision == .hidden ? .notFound : .forbidden)
        }
    }
}

extension SignedInAreaContext {
    /// How the signed-in person stands to a case that `CaseQueries` let them see.
    var relation: AccessPolicy.Relation { AccessPolicy.Relation(role: identity.role) }

    /// Whether the signed-in person's role holds `capability`.
    func may(_ capability: AccessPolicy.Capability) -> Bool {
        AccessPolicy.allows(identity.role, capability)
    }
}

extension ReportModel {
    /// Where the report stands, as the access policy sees it.
    var stage: AccessPolicy.ReportStage {
        switch status {
        case .draft: .draft
        case .signed: .signed
        case .released: .released
        }
    }
}
