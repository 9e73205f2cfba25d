import ConsiliumCore
import FluentKit
import Foundation

/// Creates what a finished registration creates, in one transaction: the account, the patient,
/// the link between them, the signed consent, the contact details and the confirmation email.
/// Nothing here sees a request.
struct RegistrationService: Sendable {
    let database: DatabaseService
    let audit: AuditLog
    let outbox: Outbox
    let tokens: EmailTokens
    let mail: AccountMail

    /// What happened; the person is shown the same page either way.
    enum Outcome: Equatable {
        case created(UUID)
        case emailAlreadyRegistered
    }

    /// Everything checked that a finished wizard holds.
    struct Finished: Sendable {
        let email: EmailAddress
        let passwordHash: String
        let details: PersonalDetails
        let acceptance: RegistrationDraft.Acceptance
        let contact: ContactRules.Checked
        /// The language the person registered in: their pages and mail from now on.
        var language: Language = .english
    }

    /// The unique index on the email decides whether the account is new; when it is not,
    /// nothing is created and the owner is told (at most once an hour).
    func complete(_ finished: Finished, actor: AuditLog.Actor) async throws -> Outcome {
        do {
            let userID = try await database.db.transaction { tx -> UUID in
                let role: Role = finished.details.proxy == nil ? .patient : .familyMember
                let name = finished.details.signerFirstName + " " + finished.details.signerLastName
                let user = UserModel(email: finished.email, displayName: name, role: role, passwordHash: finished.passwordHash)
                user.language = finished.language.tag
                try await user.create(on: tx)
                let userID = try user.requireID()
                var actor = actor
                actor.userID = user.userID
                actor.role = role
                let patient = try await addPatient(finished.details, acceptance: finished.acceptance, for: userID, actor: actor, in: tx)
                try await contactDetails(finished.contact, for: userID).create(on: tx)
                let token = try await tokens.issue(.verifyEmail, for: userID, in: tx)
                try await outbox.enqueue(mail.verifyEmail(to: finished.email.value, token: token, in: finished.language), in: tx)
                try await audit.record(
                    .registered, by: actor, on: .init(type: "User", id: userID.uuidString, patientID: patient.patientID), in: tx)
                return userID
            }
            return .created(userID)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            try await tellOwner(finished.email, actor: actor)
            return .emailAlreadyRegistered
        }
    }

    /// Creates a patient, links them to the account and records the signed consent.
    func addPatient(
        _ details: PersonalDetails, acceptance: RegistrationDraft.Acceptance, for userID: UUID, actor: AuditLog.Actor, in tx: any Database
    ) async throws -> PatientModel {
        let patient = PatientModel(details)
        try await patient.create(on: tx)
        let patientID = try patient.requireID()
        try await PatientAccessModel(userID: userID, patientID: patientID, proxy: details.proxy).create(on: tx)
        let consent = try await ConsentWriter.write(
            patientID: patientID, signerID: userID, acceptance: acceptance, authority: details.proxy?.authority, in: tx)
        try await audit.record(
            .patientAdded, by: actor, on: .init(type: "Patient", id: patientID.uuidString, patientID: patient.patientID), in: tx)
        try await audit.record(
            .consentSigned, by: actor, on: .init(type: "Consent", id: consent.uuidString, patientID: patient.patientID), in: tx)
        return patient
    }

    private func contactDetails(_ contact: ContactRules.Checked, for userID: UUID) -> ContactDetailsModel {
        let model = ContactDetailsModel()
        model.$user.id = userID
        model.apply(contact)
        return model
    }

    /// One transaction, like the new-account path, so the two take about the same time. The
    /// owner is told at most once an hour, however many attempts there are.
    private func tellOwner(_ email: EmailAddress, actor: AuditLog.Actor, now: Date = Date()) async throws {
        try await database.db.transaction { tx in
            guard let owner = try await UserModel.query(on: tx).filter(\.$email == email.value).first() else { return }
            let recent = try await OutboxMessageModel.query(on: tx)
                .filter(\.$recipient == owner.email)
                .filter(\.$kind == MailMessage.Kind.registrationAttempt.rawValue)
                .filter(\.$createdAt > now.addingTimeInterval(-3600))
                .count()
            if recent == 0 { try await outbox.enqueue(mail.registrationAttempt(to: owner.email, in: owner.mailLanguage), in: tx) }
            try await audit.record(.registrationWithTakenEmail, by: actor, on: .user(owner.userID!), outcome: .denied, in: tx)
        }
    }
}

/// Writes consent records; they are only ever inserted.
enum ConsentWriter {
    static func write(
        patientID: UUID, signerID: UUID, acceptance: RegistrationDraft.Acceptance, authority: ProxyAuthority?, in tx: any Database
    ) async throws -> UUID {
        let consent = ConsentRecordModel()
        consent.$patient.id = patientID
        consent.$signer.id = signerID
        consent.$agreementVersion.id = acceptance.agreementVersionID
        consent.$termsVersion.id = acceptance.termsVersionID
        consent.decision = ConsentRecordModel.Decision.accepted.rawValue
        consent.textSHA256 = acceptance.textSHA256
        consent.shownLanguage = acceptance.shownLanguage ?? Language.english.tag
        consent.translationSHA256 = acceptance.translationSHA256
        consent.typedName = acceptance.typedName
        consent.signerRole = authority == nil ? "patient" : "proxy"
        consent.authority = authority?.rawValue
        consent.courtesyCopy = acceptance.courtesyCopy
        consent.signedAt = acceptance.signedAt
        consent.clientAddress = acceptance.clientAddress
        consent.userAgent = String(acceptance.userAgent.prefix(512))
        try await consent.create(on: tx)
        return try consent.requireID()
    }
}
