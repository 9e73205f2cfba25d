import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// Confirms an email address from the emailed link. Opening the link shows one button; only
/// pressing it uses the token, so a mail scanner that fetches links cannot spend it.
/// Confirming a new registration's address signs the person in; any other use of a link only
/// confirms the address.
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
                "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
                context: context, status: .notFound)
        }
        return try renderer.render(
            "accounts/verify-email", title: renderer.text("verify-heading", in: context.language), content: Content(token: token),
            context: context, hasForm: true)
    }

    func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.form["token"]
        let outcome = try await database.db.transaction { tx -> (user: UserModel, signsIn: Bool)? in
            guard let userID = try await tokens.redeem(token, purpose: .verifyEmail, in: tx),
                let user = try await UserModel.find(userID, on: tx), user.disabledAt == nil
            else { return nil }
            // One link used: the others sent to this account end with it.
            try await tokens.revokeAll(.verifyEmail, for: userID, in: tx)
            let firstConfirmation = user.emailVerifiedAt == nil
            if firstConfirmation {
                user.emailVerifiedAt = Date()
                try await user.update(on: tx)
            }
            let actor = context.auditActor(as: user)
            try await audit.record(.emailVerified, by: actor, on: .user(user.userID!), in: tx)
            let signsIn = Self.signsIn(user, firstConfirmation: firstConfirmation)
            if signsIn { try await audit.record(.signIn, by: actor, on: .user(user.userID!), detail: "email_link", in: tx) }
            return (user, signsIn)
        }
        guard let outcome else {
            return try renderer.render(
                "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
                context: context, status: .notFound)
        }
        guard outcome.signsIn else {
            // The address is confirmed and nothing more: the person signs in as usual.
            if context.identity?.id.rawValue == outcome.user.id {
                context.session.update { $0.notice = renderer.text("verify-confirmed", in: context.language) }
                return .redirect(to: "/account", type: .normal)
            }
            context.session.update { $0.notice = renderer.text("verify-confirmed-sign-in", in: context.language) }
            return .redirect(to: "/signin", type: .normal)
        }
        let language = outcome.user.language.flatMap(Language.init(tag:)) ?? context.language
        context.session.rotate(userID: outcome.user.id, notice: renderer.text("verify-confirmed", in: language))
        if try await agreementCheck.mustAccept(outcome.user) {
            context.session.update { $0.mustAcceptAgreement = true }
        }
        return .redirect(to: "/account", type: .normal)
    }

    /// A link signs its person in only as the last step of registering: the first time the
    /// address is confirmed, and never for an account that signs in in two steps.
    static func signsIn(_ user: UserModel, firstConfirmation: Bool) -> Bool {
        firstConfirmation && !user.hasTwoFactor && user.role?.requiresTwoFactor == false
    }

    /// Sends a fresh link to the signed-in user's address.
    func resend(_ request: Request, context: SignedInContext) async throws -> Response {
        guard !context.identity.emailVerified else { return .redirect(to: "/account", type: .normal) }
        let identity = context.identity
        let language = context.language
        try await database.db.transaction { tx in
            let token = try await tokens.issue(.verifyEmail, for: identity.id.rawValue, in: tx)
            try await outbox.enqueue(mail.verifyEmail(to: identity.email, token: token, in: language), in: tx)
        }
        context.session.update {
            $0.notice = renderer.text("verify-new-link-sent", ["email": .text(identity.email)], in: context.language)
        }
        return .redirect(to: "/account", type: .normal)
    }
}
