import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The coordinators' queue of physicians waiting to be verified: what to check (NPI, license,
/// practice), and a decision recorded with who made it, when, and a note.
struct VerificationQueueController: Sendable {
    let database: DatabaseService
    let audit: AuditLog
    let outbox: Outbox
    let mail: CaseMail
    let renderer: PageRenderer

    /// One physician in the queue.
    struct Row: Sendable {
        let id: String
        let name: String
        let email: String
        let npi: String
        let license: String
        let specialty: String
        let practice: String
        let address: String
        let phone: String
        let phoneLink: String
        let registered: String
        let status: String
        let isPending: Bool
        let decidedBy: String
        let decidedAt: String
        let note: String
        /// The note as typed and what was wrong with it, when a decision came back.
        let noteValue: String
        let hasNoteError: Bool
        let noteError: String
    }

    /// The queue page.
    struct Content: Sendable {
        let summary: FormErrors
        let pending: [Row]
        let decided: [Row]
        let hasPending: Bool
        let hasDecided: Bool
    }

    func queue(_ request: Request, context: StaffContext) async throws -> Response {
        try await queuePage(context: context)
    }

    /// A physician sent back to the queue with what was wrong with the decision.
    private struct Refusal {
        let profileID: String
        let note: String
        let message: String
    }

    private func queuePage(context: StaffContext, refusal: Refusal? = nil) async throws -> Response {
        let profiles = try await PhysicianProfileModel.query(on: database.db).with(\.$user).with(\.$verifiedBy)
            .sort(\.$createdAt, .descending).limit(500).all()
        let rows = profiles.map { row($0, refusal: refusal) }
        let content = Content(
            summary: FormErrors([(refusal.map { "note-\($0.profileID)" } ?? "", refusal?.message)]),
            pending: rows.filter(\.isPending), decided: rows.filter { !$0.isPending }, hasPending: rows.contains(where: \.isPending),
            hasDecided: rows.contains { !$0.isPending })
        return try renderer.render(
            "staff/physicians", title: refusal == nil ? "Physicians to verify" : "Error: Physicians to verify", content: content,
            context: context, status: refusal == nil ? .ok : .badRequest)
    }

    /// Verifying lets a physician confirm requests and receive reports; rejecting stops them.
    /// Either needs a note of what was checked, and a second, confirming step.
    func decide(_ request: Request, context: StaffContext) async throws -> Response {
        let identity = context.identity
        guard let id = context.parameters.get("id", as: UUID.self),
            let profile = try await PhysicianProfileModel.query(on: database.db).filter(\.$id == id).with(\.$user).first()
        else { throw HTTPError(.notFound) }
        let profileID = id.uuidString.lowercased()
        let verify = context.form["decision"] == "verify"
        let note = String(context.form["note"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000))
        guard verify || context.form["decision"] == "reject" else {
            return try await queuePage(
                context: context, refusal: Refusal(profileID: profileID, note: note, message: "Choose to verify or to reject."))
        }
        guard !note.isEmpty else {
            let message =
                verify
                ? "Write what you checked before verifying: the NPI registry, the license with the state's board, the practice."
                : "Write why you are rejecting: the physician is told their registration was not accepted."
            return try await queuePage(context: context, refusal: Refusal(profileID: profileID, note: note, message: message))
        }
        guard profile.verification == PhysicianProfileModel.Verification.pending.rawValue else {
            context.session.update { $0.notice = "\(profile.user.displayName) was already \(profile.verification)." }
            return .redirect(to: "/staff/physicians", type: .normal)
        }
        let name = profile.user.displayName
        guard ConfirmationPage.isConfirmed(context.form) else {
            let page = ConfirmationPage(
                heading: verify ? "Verify \(name)?" : "Reject \(name)?",
                consequences: verify
                    ? [
                        "Once verified, \(name) can confirm second-opinion requests for their patients and will receive the consultants' reports.",
                        "Verify only when the NPI, the license and the practice all match.",
                    ]
                    : [
                        "\(name) will be told by email that their registration was not accepted, and will not be able to confirm requests.",
                        "This cannot be undone from this page.",
                    ],
                details: [("Physician", name), ("NPI", profile.npi), ("Your note", note)],
                action: "/staff/physicians/\(profileID)/decision", fields: [("decision", verify ? "verify" : "reject"), ("note", note)],
                confirmLabel: verify ? "Yes, verify \(name)" : "Yes, reject \(name)", cancelURL: "/staff/physicians",
                isWarning: !verify)
            return try renderer.confirm(page, context: context)
        }
        let actor = context.auditActor
        try await database.db.transaction { tx in
            profile.verification = (verify ? PhysicianProfileModel.Verification.verified : .rejected).rawValue
            profile.$verifiedBy.id = identity.id.rawValue
            profile.verifiedAt = Date()
            profile.verificationNote = note
            try await profile.update(on: tx)
            try await audit.record(verify ? .physicianVerified : .physicianRejected, by: actor, on: .user(profile.user.userID!), in: tx)
            if !verify { try await outbox.enqueue(mail.physicianRejected(to: profile.user.email, in: profile.user.mailLanguage), in: tx) }
        }
        context.session.update { $0.notice = "\(name) is now \(verify ? "verified" : "rejected")." }
        return .redirect(to: "/staff/physicians", type: .normal)
    }

    private func row(_ profile: PhysicianProfileModel, refusal: Refusal?) -> Row {
        let refused = refusal?.profileID == profile.id?.uuidString.lowercased() ? refusal : nil
        let address = [profile.addressLine1, profile.addressLine2, profile.city, profile.state + " " + profile.postalCode]
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ")
        return Row(
            id: profile.id?.uuidString.lowercased() ?? "", name: profile.user.displayName, email: profile.user.email, npi: profile.npi,
            license: "\(profile.licenceState) \(profile.licenceNumber)", specialty: profile.specialty, practice: profile.practiceName,
            address: address, phone: PhoneNumber(stored: profile.phone).display, phoneLink: profile.phone,
            registered: profile.createdAt.map { DisplayDate.withTime($0) } ?? "",
            status: profile.verification.capitalized,
            isPending: profile.verification == PhysicianProfileModel.Verification.pending.rawValue,
            decidedBy: profile.verifiedBy?.displayName ?? "", decidedAt: profile.verifiedAt.map { DisplayDate.withTime($0) } ?? "",
            note: profile.verificationNote, noteValue: refused?.note ?? "", hasNoteError: refused != nil,
            noteError: refused?.message ?? "")
    }
}
