import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// Confirms an email address from the emailed link. Opening the link shows one button; only
/// pressing it uses the token, so a mail scanner that fetches links cannot spend it.
/// Confirming signs the person in.
struct EmailVerificationController: Sendable {
    let database: DatabaseService
    let audit: AuditLog
    let tokens: EmailTokens
    let outbox: Outbox
    let mail: AccountMail
    let agreementCheck: AgreementCheck
    let renderer: PageRenderer

    /// The confirmation page's content.
    struct Content: Sendable {
        let token: String
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard try await tokens.peek(token, purpose: .verifyEmail, in: database.db) != nil else {
            return try renderer.render(
                "accounts/link-expired", title: "This link no longer works", content: EmptyContent(), context: context, status: .notFound)
        }
        return try renderer.render(
            "accounts/verify-email", title: "Confirm your email address", content: Content(token: token), context: context, hasForm: true)
    }

    func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.form["token"]
        let verified = try await database.db.transaction { tx -> UserModel? in
            guard let userID = try await tokens.redeem(token, purpose: .verifyEmail, in: tx),
                let user = try await UserModel.find(userID, on: tx), user.disabledAt == nil
            else { return nil }
            if user.emailVerifiedAt == nil {
                user.emailVerifiedAt = Date()
                try await user.update(on: tx)
            }
            let actor = context.auditActor(as: user)
            try await audit.record(.emailVerified, by: actor, on: .user(user.userID!), in: tx)
            try await audit.record(.signIn, by: actor, on: .user(user.userID!), detail: "email_link", in: tx)
            return user
        }
        guard let verified else {
            return try renderer.render(
                "accounts/link-expired", title: "This link no longer works", content: EmptyContent(), context: context, status: .notFound)
        }
        context.session.rotate(userID: verified.id, notice: "Thank you: your email address is confirmed.")
        if try await agreementCheck.mustAccept(verified) {
            context.session.update { $0.mustAcceptAgreement = true }
        }
        return .redirect(to: "/account", type: .normal)
    }

    /// Sends a fresh link to the signed-in user's address.
    func resend(_ request: Request, context: SignedInContext) async throws -> Response {
        guard !context.identity.emailVerified else { return .redirect(to: "/account", type: .normal) }
        let identity = context.identity
        try await database.db.transaction { tx in
            let token = try await tokens.issue(.verifyEmail, for: identity.id.rawValue, in: tx)
            try await outbox.enqueue(mail.verifyEmail(to: identity.email, token: token), in: tx)
        }
        context.session.update { $0.notice = "We have sent a new confirmation link to \(identity.email)." }
        return .redirect(to: "/account", type: .normal)
    }
}
