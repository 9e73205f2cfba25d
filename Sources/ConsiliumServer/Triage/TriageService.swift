import ConsiliumCore
import FluentKit
import Foundation

/// What coordinators do to a case: judge the records complete, ask for more, decline, assign a
/// consultant, and record a telephoned courtesy-copy opt-out. Each change is a state move (or
/// an insert), audited, with the people concerned told by mail.
struct TriageService: Sendable {
    let database: DatabaseService
    let workflow: CaseWorkflow
    let outbox: Outbox
    let mail: CaseMail
    let audit: AuditLog

    /// A consultant of a specialty and how many cases they hold open.
    struct Consultant: Sendable {
        let id: UserID
        let name: String
        let openCases: Int
    }

    static let openStates: [CaseState] = [.assigned, .reportDrafted]

    func recordsComplete(_ caseModel: CaseModel, by mover: CaseWorkflow.Mover, now: Date = Date()) async throws {
        try await database.db.transaction { tx in
            if caseModel.recordsCompletedAt == nil {
                caseModel.recordsCompletedAt = now
                caseModel.recordsCompletedMicros = CaseModel.micros(now)
            }
            try await workflow.move(caseModel, to: .inReview, by: mover, reason: TimelineReason.reviewBegins.rawValue, in: tx)
        }
    }

    func requestInformation(
        _ caseModel: CaseModel, message: String, audience: CaseMessageModel.Audience, by mover: CaseWorkflow.Mover
    ) async throws {
        try await database.db.transaction { tx in
            try await workflow.move(caseModel, to: .infoRequested, by: mover, reason: TimelineReason.informationRequested.rawValue, in: tx)
            try await addMessage(caseModel, kind: "info_request", audience: audience, body: message, by: mover, in: tx)
            try await notify(caseModel, audience: audience, in: tx)
        }
    }

    func decline(_ caseModel: CaseModel, reason: String, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            try await workflow.move(caseModel, to: .declined, by: mover, reason: TimelineReason.notSuitable.rawValue, in: tx)
            try await addMessage(caseModel, kind: "decline", audience: .both, body: reason, by: mover, in: tx)
            try await notify(caseModel, audience: .both, in: tx)
        }
    }

    /// Assigns (or reassigns) a consultant of the case's specialty.
    func assign(_ caseModel: CaseModel, to consultantID: UserID, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            guard
                let profile = try await ConsultantProfileModel.query(on: tx).filter(\.$user.$id == consultantID.rawValue)
                    .filter(\.$specialty == caseModel.specialty).with(\.$user).first(),
                profile.user.disabledAt == nil
            else { throw TriageRefusal.wrongConsultant }
            let reassigning = caseModel.assignedConsultantID != nil
            caseModel.assignedConsultantID = consultantID.rawValue
            try await workflow.move(
                caseModel, to: .assigned, by: mover,
                reason: (reassigning ? TimelineReason.reassignedPrefix : TimelineReason.assignedPrefix) + profile.user.displayName,
                in: tx)
            try await outbox.enqueue(mail.caseAssigned(to: profile.user.email, caseID: try caseModel.requireID()), in: tx)
        }
    }

    /// The patient's side or the physician answers a request for information: the case returns to review.
    func answerRequest(_ caseModel: CaseModel, answer: String, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            try await addMessage(caseModel, kind: "reply", audience: .both, body: answer, by: mover, in: tx)
            try await workflow.move(caseModel, to: .inReview, by: mover, reason: TimelineReason.informationSent.rawValue, in: tx)
        }
    }

    func close(_ caseModel: CaseModel, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            try await workflow.move(caseModel, to: .closed, by: mover, reason: TimelineReason.caseClosed.rawValue, in: tx)
        }
    }

    func recordCourtesyOptOut(_ caseModel: CaseModel, note: String, by mover: CaseWorkflow.Mover) async throws {
        guard let identity = mover.identity else { return }
        try await database.db.transaction { tx in
            let optOut = CourtesyCopyOptOutModel()
            optOut.$caseModel.id = try caseModel.requireID()
            optOut.recordedAt = Date()
            optOut.recordedBy = identity.id.rawValue
            optOut.recordedByName = identity.displayName
            optOut.note = note
            try await optOut.create(on: tx)
            try await audit.record(
                .courtesyCopyDeclinedByPhone, by: mover.audit,
                on: try .case(caseModel),
                in: tx)
        }
    }

    /// Consultants of `specialty`, fewest open cases first.
    func consultants(for specialty: String) async throws -> [Consultant] {
        let profiles = try await ConsultantProfileModel.query(on: database.db).filter(\.$specialty == specialty).with(\.$user).all()
            .filter { $0.user.disabledAt == nil }
        var result: [Consultant] = []
        for profile in profiles {
            let id = UserID(rawValue: try profile.user.requireID())
            let open = try await CaseModel.query(on: database.db).filter(\.$assignedConsultantID == id.rawValue)
                .filter(\.$state ~~ Self.openStates).count()
            result.append(Consultant(id: id, name: profile.user.displayName, openCases: open))
        }
        return result.sorted { ($0.openCases, $0.name) < ($1.openCases, $1.name) }
    }

    private func addMessage(
        _ caseModel: CaseModel, kind: String, audience: CaseMessageModel.Audience, body: String, by mover: CaseWorkflow.Mover,
        in tx: any Database
    ) async throws {
        let message = CaseMessageModel()
        message.$caseModel.id = try caseModel.requireID()
        message.authorID = mover.identity?.id.rawValue ?? UUID()
        message.authorName = mover.identity?.displayName ?? "Consilium"
        message.kind = kind
        message.audience = audience.rawValue
        message.body = body
        try await message.create(on: tx)
    }

    /// Tells the patient's side and/or the treating physician that the case changed.
    private func notify(_ caseModel: CaseModel, audience: CaseMessageModel.Audience, in tx: any Database) async throws {
        let caseID = try caseModel.requireID()
        if audience != .physician {
            let links = try await PatientAccessModel.query(on: tx).filter(\.$patient.$id == caseModel.$patient.id).with(\.$user).all()
            for link in links where link.user.disabledAt == nil {
                try await outbox.enqueue(mail.caseUpdated(to: link.user.email, caseID: caseID, in: link.user.mailLanguage), in: tx)
            }
        }
        if audience != .patient, let physicianID = caseModel.$treatingPhysician.id,
            let physician = try await UserModel.find(physicianID, on: tx)
        {
            try await outbox.enqueue(
                mail.caseUpdated(to: physician.email, caseID: caseID, forPhysician: true, in: physician.mailLanguage), in: tx)
        }
    }
}

/// A triage request that does not fit the case.
enum TriageRefusal: Error {
    case wrongConsultant
}
