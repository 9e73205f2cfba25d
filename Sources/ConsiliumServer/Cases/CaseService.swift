import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// Opening a case, and the treating physician's handshake with it. Nothing here sees a request.
struct CaseService: Sendable {
    let database: DatabaseService
    let workflow: CaseWorkflow
    let outbox: Outbox
    let mail: CaseMail
    let audit: AuditLog

    static let invitationLifetime: TimeInterval = 30 * 86400

    /// What the patient side asks when opening a case.
    struct Request: Sendable {
        var patientID: PatientID
        var specialty: String
        var question: String
        var diagnosis: String
        var treatments: String
        var physicianName: String
        var physicianEmail: EmailAddress
        var physicianNPI: NPI?
    }

    /// What the physician adds when confirming.
    struct Confirmation: Sendable {
        var clinicalHistory: String
        var clinicalQuestion: String
        var materials: String
    }

    /// Creates the case (submitted, with a fresh reference number) and invites the named physician.
    func open(_ request: Request, by mover: CaseWorkflow.Mover) async throws -> CaseModel {
        for attempt in 1...5 {
            do {
                return try await database.db.transaction { tx in
                    let caseModel = CaseModel()
                    caseModel.$patient.id = request.patientID.rawValue
                    caseModel.$openedBy.id = mover.identity!.id.rawValue
                    caseModel.reference = CaseReference.generate().value
                    caseModel.openedAtMicros = CaseModel.micros(Date())
                    caseModel.state = CaseState.submitted
                    caseModel.specialty = request.specialty
                    caseModel.question = request.question
                    caseModel.diagnosis = request.diagnosis
                    caseModel.treatments = request.treatments
                    caseModel.physicianName = request.physicianName
                    caseModel.physicianEmail = request.physicianEmail.value
                    caseModel.physicianNPI = request.physicianNPI?.value ?? ""
                    caseModel.clinicalHistory = ""
                    caseModel.clinicalQuestion = ""
                    caseModel.materials = ""
                    try await caseModel.create(on: tx)
                    try await workflow.record(
                        caseModel, from: .draft, to: .submitted, by: mover, reason: TimelineReason.caseOpened.rawValue, in: tx)
                    try await invite(caseModel, in: tx)
                    return caseModel
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 5 {
                continue  // two cases drew the same reference number: draw again
            }
        }
        throw CaseReferenceExhausted()
    }

    /// Emails the named physician a link to join: in their account's language when they have
    /// one, else in English (a U.S. physician we do not know yet).
    func invite(_ caseModel: CaseModel, in tx: any Database) async throws {
        let token = SecureToken.generate()
        let invitation = CaseInvitationModel()
        invitation.$caseModel.id = try caseModel.requireID()
        invitation.tokenHash = SecureToken.hash(token)
        invitation.email = caseModel.physicianEmail
        invitation.expiresAt = Date().addingTimeInterval(Self.invitationLifetime)
        try await invitation.create(on: tx)
        let known = try await UserModel.query(on: tx).filter(\.$email == caseModel.physicianEmail).first()
        try await outbox.enqueue(
            mail.physicianInvitation(to: caseModel.physicianEmail, token: token, in: known?.mailLanguage ?? .english), in: tx)
    }

    /// The case waiting for this physician under `reference`, if the physician is the one the
    /// patient named (by email or NPI). Any other answer is nil, so a number reveals nothing.
    func caseAwaiting(reference: CaseReference, physician: SignedInUser, profile: PhysicianProfileModel) async throws -> CaseModel? {
        guard
            let caseModel = try await CaseModel.query(on: database.db).filter(\.$reference == reference.value)
                .filter(\.$state == CaseState.submitted).with(\.$patient).first()
        else { return nil }
        return Self.names(caseModel, physician: physician, profile: profile) ? caseModel : nil
    }

    /// Requests that name this physician (by email or NPI) and wait for their confirmation, oldest first.
    func casesAwaiting(physician: SignedInUser, profile: PhysicianProfileModel) async throws -> [CaseModel] {
        try await CaseModel.query(on: database.db).filter(\.$state == CaseState.submitted)
            .group(.or) { group in
                group.filter(\.$physicianEmail == physician.email)
                if !profile.npi.isEmpty { group.filter(\.$physicianNPI == profile.npi) }
            }
            .with(\.$patient).sort(\.$openedAtMicros).limit(100).all()
            .filter { Self.names($0, physician: physician, profile: profile) }
    }

    /// What following an invitation link led to.
    enum InvitationOutcome: Sendable {
        case joined(CaseModel)
        /// Refused, with the reason for the audit log and the case when the link named one.
        case refused(reason: String, caseModel: CaseModel?)
    }

    /// Uses an invitation link, once, for the physician the patient named (by email or NPI).
    /// A link that was used, revoked or has expired, or that names someone else, opens nothing;
    /// a link shown to the wrong physician is not used up.
    func join(
        invitation token: String, physician: SignedInUser, profile: PhysicianProfileModel, now: Date = Date()
    ) async throws
        -> InvitationOutcome
    {
        guard !token.isEmpty,
            let invitation = try await CaseInvitationModel.query(on: database.db).filter(\.$tokenHash == SecureToken.hash(token)).first()
        else { return .refused(reason: "unknown", caseModel: nil) }
        let caseModel = try await CaseModel.query(on: database.db).filter(\.$id == invitation.$caseModel.id).with(\.$patient).first()
        if invitation.usedAt != nil { return .refused(reason: "used", caseModel: caseModel) }
        if invitation.revokedAt != nil { return .refused(reason: "revoked", caseModel: caseModel) }
        if invitation.expiresAt <= now { return .refused(reason: "expired", caseModel: caseModel) }
        guard let caseModel, caseModel.state == .submitted else { return .refused(reason: "not_waiting", caseModel: caseModel) }
        guard invitation.email == caseModel.physicianEmail, Self.names(caseModel, physician: physician, profile: profile) else {
            return .refused(reason: "other_physician", caseModel: caseModel)
        }
        // One conditional update: of two requests racing with the same link, one wins.
        guard let sql = database.db as? any SQLDatabase,
            try await sql.raw(
                """
                UPDATE case_invitations SET used_at = \(bind: now)
                WHERE id = \(bind: try invitation.requireID()) AND used_at IS NULL AND revoked_at IS NULL
                RETURNING id
                """
            ).first() != nil
        else { return .refused(reason: "used", caseModel: caseModel) }
        return .joined(caseModel)
    }

    /// Ends every open invitation of the case: the handshake has moved on without them.
    func revokeInvitations(of caseModel: CaseModel, in tx: any Database, now: Date = Date()) async throws {
        try await CaseInvitationModel.query(on: tx).filter(\.$caseModel.$id == caseModel.requireID()).filter(\.$usedAt == nil)
            .filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
    }

    /// A case waiting for confirmation, found again by id for the physician who was shown it.
    func waitingCase(_ id: CaseID) async throws -> CaseModel? {
        try await CaseModel.query(on: database.db).filter(\.$id == id.rawValue).filter(\.$state == CaseState.submitted)
            .with(\.$patient).first()
    }

    static func names(_ caseModel: CaseModel, physician: SignedInUser, profile: PhysicianProfileModel) -> Bool {
        caseModel.physicianEmail == physician.email || (!caseModel.physicianNPI.isEmpty && caseModel.physicianNPI == profile.npi)
    }

    func confirm(_ caseModel: CaseModel, with confirmation: Confirmation, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            caseModel.$treatingPhysician.id = mover.identity?.id.rawValue
            caseModel.clinicalHistory = confirmation.clinicalHistory
            caseModel.clinicalQuestion = confirmation.clinicalQuestion
            caseModel.materials = confirmation.materials
            try await workflow.move(
                caseModel, to: .physicianConfirmed, by: mover, reason: TimelineReason.physicianConfirmed.rawValue, in: tx)
            try await revokeInvitations(of: caseModel, in: tx)
            try await notifyPatientSide(caseModel, in: tx)
        }
    }

    func decline(_ caseModel: CaseModel, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            try await workflow.move(caseModel, to: .physicianDeclined, by: mover, reason: TimelineReason.physicianDeclined.rawValue, in: tx)
            try await revokeInvitations(of: caseModel, in: tx)
            try await notifyPatientSide(caseModel, in: tx)
        }
    }

    /// After a decline, the patient names another physician, who is invited in turn.
    func renamePhysician(_ caseModel: CaseModel, name: String, email: EmailAddress, npi: NPI?, by mover: CaseWorkflow.Mover) async throws {
        try await database.db.transaction { tx in
            caseModel.physicianName = name
            caseModel.physicianEmail = email.value
            caseModel.physicianNPI = npi?.value ?? ""
            try await workflow.move(caseModel, to: .submitted, by: mover, reason: TimelineReason.physicianRenamed.rawValue, in: tx)
            try await revokeInvitations(of: caseModel, in: tx)
            try await invite(caseModel, in: tx)
        }
    }

    /// Tells everyone who acts for the patient that the case changed.
    private func notifyPatientSide(_ caseModel: CaseModel, in tx: any Database) async throws {
        let links = try await PatientAccessModel.query(on: tx).filter(\.$patient.$id == caseModel.$patient.id).with(\.$user).all()
        for link in links where link.user.disabledAt == nil {
            try await outbox.enqueue(
                mail.caseUpdated(to: link.user.email, caseID: try caseModel.requireID(), in: link.user.mailLanguage), in: tx)
        }
    }
}

/// Five reference numbers in a row were taken: practically impossible, reported as a 500.
struct CaseReferenceExhausted: Error {}
