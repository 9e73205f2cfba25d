import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// Accepting a staff invitation: the emailed link leads to choosing a password; the person is
/// then signed in and, since every staff role requires it, taken to set up two-step sign-in.
struct InvitationController: Sendable {
    let database: DatabaseService
    let hasher: PasswordHasher
    let audit: AuditLog
    let tokens: EmailTokens
    let policy: PasswordPolicy
    let renderer: PageRenderer

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard let pending = try await tokens.peek(token, purpose: .staffInvitation, in: database.db),
            let user = try await UserModel.find(pending.$user.id, on: database.db), !user.isVerified
        else { return try expired(context) }
        return try page(token: token, user: user, errors: [:], context: context)
    }

    func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form
        let token = form["token"]
        guard let pending = try await tokens.peek(token, purpose: .staffInvitation, in: database.db),
            let user = try await UserModel.find(pending.$user.id, on: database.db), user.disabledAt == nil, !user.isVerified
        else { return try expired(context) }
        let password = form["password"]
        var errors: [String: String] = [:]
        let failures = policy.failures(for: password, personalDetails: [String(user.email.prefix { $0 != "@" }), user.displayName])
        if !failures.isEmpty { errors["password"] = renderer.wording(context)(.joined(failures.map(\.message))) }
        if form["password_confirmation"] != password { errors["password_confirmation"] = "The two passwords do not match." }
        guard errors.isEmpty else { return try page(token: token, user: user, errors: errors, context: context, status: .badRequest) }

        let hash = try await hasher.hash(password)
        let actor = context.auditActor(as: user)
        let accepted = try await database.db.transaction { tx -> Bool in
            guard try await tokens.redeem(token, purpose: .staffInvitation, in: tx) == user.id else { return false }
            // an invitation is accepted once: any other link to it stops working
            try await tokens.revokeAll(.staffInvitation, for: try user.requireID(), in: tx)
            user.passwordHash = hash
            user.passwordChangedAt = Date()
            user.emailVerifiedAt = user.emailVerifiedAt ?? Date()
            try await user.update(on: tx)
            try await audit.record(.invitationAccepted, by: actor, on: .user(user.userID!), in: tx)
            return true
        }
        guard accepted else { return try expired(context) }
        context.session.rotate(userID: user.id, notice: "Welcome. Your password is set.")
        return .redirect(to: TwoFactorGateMiddleware.enrolmentPath, type: .normal)
    }

    private func page(
        token: String, user: UserModel, errors: [String: String], context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let password = FieldView("password", error: errors["password"])
        let confirmation = FieldView("password_confirmation", error: errors["password_confirmation"])
        var content = PasswordResetController.ResetContent(
            token: token, password: password, confirmation: confirmation, summary: ErrorSummary([password, confirmation]),
            rules: PasswordRules.sentences(renderer.wording(context)), heading: "", button: "Save my new password")
        content.heading = "Welcome, \(user.displayName)"
        content.intro =
            "You have been invited as \(user.role?.article ?? "a") \(user.role?.displayName.lowercased() ?? "member of staff"). "
            + "Choose your password; next you will set up two-step sign-in with an authenticator app on your phone."
        content.hasIntro = true
        content.action = "/invitation"
        content.button = "Set my password"
        return try renderer.render(
            "accounts/reset-password", title: "Accept your invitation", content: content, context: context, status: status, hasForm: true)
    }

    private func expired(_ context: AppRequestContext) throws -> Response {
        try renderer.render(
            "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
            context: context, status: .notFound)
    }
}
