import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The coordinators' queue of physicians waiting to be verified: what to check (NPI, licence,
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
        let licence: String
        let specialty: String
        let practice: String
        let address: String
        let phone: String
        let registered: String
        let status: String
        let isPending: Bool
        let decidedBy: String
        let decidedAt: String
        let note: String
    }

    /// The queue page.
    struct Content: Sendable {
        let pending: [Row]
        let decided: [Row]
        let hasPending: Bool
        let hasDecided: Bool
    }

    func queue(_ request: Request, context: StaffContext) async throws -> Response {
        let profiles = try await PhysicianProfileModel.query(on: database.db).with(\.$user).with(\.$verifiedBy)
            .sort(\.$createdAt, .descending).limit(500).all()
        let rows = profiles.map(row)
        let content = Content(
            pending: rows.filter(\.isPending), decided: rows.filter { !$0.isPending }, hasPending: rows.contains(where: \.isPending),
            hasDecided: rows.contains { !$0.isPending })
        return try renderer.render("staff/physicians", title: "Physicians to verify", content: content, context: context)
    }

    func decide(_ request: Request, context: StaffContext) async throws -> Response {
        let identity = context.identity
        guard let id = context.parameters.get("id", as: UUID.self),
            let profile = try await PhysicianProfileModel.query(on: database.db).filter(\.$id == id).with(\.$user).first()
        else { throw HTTPError(.notFound) }
        let verify = context.form["decision"] == "verify"
        guard verify || context.form["decision"] == "reject" else { throw HTTPError(.badRequest, message: "Choose verify or reject.") }
        let note = String(context.form["note"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(1000))
        let actor = context.auditActor
        try await database.db.transaction { tx in
            profile.verification = (verify ? PhysicianProfileModel.Verification.verified : .rejected).rawValue
            profile.$verifiedBy.id = identity.id.rawValue
            profile.verifiedAt = Date()
            profile.verificationNote = note
            try await profile.update(on: tx)
            try await audit.record(verify ? .physicianVerified : .physicianRejected, by: actor, on: .user(profile.user.userID!), in: tx)
            if !verify { try await outbox.enqueue(mail.physicianRejected(to: profile.user.email), in: tx) }
        }
        context.session.update { $0.notice = "\(profile.user.displayName) is now \(verify ? "verified" : "rejected")." }
        return .redirect(to: "/staff/physicians", type: .normal)
    }

    private func row(_ profile: PhysicianProfileModel) -> Row {
        let address = [profile.addressLine1, profile.addressLine2, profile.city, profile.state + " " + profile.postalCode]
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ")
        return Row(
            id: profile.id?.uuidString.lowercased() ?? "", name: profile.user.displayName, email: profile.user.email, npi: profile.npi,
            licence: "\(profile.licenceState) \(profile.licenceNumber)", specialty: profile.specialty, practice: profile.practiceName,
            address: address, phone: profile.phone, registered: profile.createdAt.map(DisplayDate.withTime) ?? "",
            status: profile.verification.capitalized,
            isPending: profile.verification == PhysicianProfileModel.Verification.pending.rawValue,
            decidedBy: profile.verifiedBy?.displayName ?? "", decidedAt: profile.verifiedAt.map(DisplayDate.withTime) ?? "",
            note: profile.verificationNote)
    }
}
