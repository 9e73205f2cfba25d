import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// Forgot password and reset password. The request page answers the same way, and takes the
/// same time, whether or not the email has an account; a reset ends every session of the user.
struct PasswordResetController: Sendable {
    let database: DatabaseService
    let hasher: PasswordHasher
    let limiter: RateLimiter
    let audit: AuditLog
    let outbox: Outbox
    let tokens: EmailTokens
    let mail: AccountMail
    let sessions: FluentPersistDriver
    let policy: PasswordPolicy
    let renderer: PageRenderer
    /// Every answer to a reset request takes at least this long, whatever work it did.
    var minimumRequestTime: Duration = .milliseconds(400)

    /// The request form's content.
    struct RequestContent: Sendable {
        let email: FieldView
        let summary: ErrorSummary
    }

    /// The new-password form's content.
    /// The choose-a-password form, shared with accepting a staff invitation.
    struct ResetContent: Sendable {
        let token: String
        let password: FieldView
        let confirmation: FieldView
        let summary: ErrorSummary
        let rules: [String]
        /// The reset's words; an invitation sets its own (staff are invited in English).
        var heading: String
        var action = "/reset-password"
        var intro = ""
        var hasIntro = false
        var button: String
    }

    func showRequest(_ request: Request, context: AppRequestContext) throws -> Response {
        let field = FieldView("email")
        return try renderer.renderKept(
            "forgot-password", "accounts/forgot-password", title: renderer.text("forgot-title", in: context.language),
            content: RequestContent(email: field, summary: ErrorSummary([field])),
            context: context, hasForm: true)
    }

    func request(_ request: Request, context: AppRequestContext) async throws -> Response {
        let typed = context.form["email"]
        guard let email = try? EmailAddress(typed) else {
            let field = FieldView("email", value: typed, error: renderer.text("forgot-email-invalid", in: context.language))
            return try renderer.render(
                "accounts/forgot-password", title: renderer.text("forgot-error-title", in: context.language),
                content: RequestContent(email: field, summary: ErrorSummary([field])), context: context, status: .badRequest, hasForm: true)
        }
        let started = ContinuousClock.now
        try await limiter.hit(RateLimiter.Rules.resetPerAddress, subject: context.clientAddress)
        try await limiter.hit(RateLimiter.Rules.resetPerAccount, subject: email.value)
        let actor = context.auditActor()
        try await database.db.transaction { tx in
            guard let user = try await UserModel.query(on: tx).filter(\.$email == email.value).first(), let id = user.id,
                user.disabledAt == nil
            else { return }
            // Only the newest link works: the ones asked for before it end now.
            try await tokens.revokeAll(.resetPassword, for: id, in: tx)
            let token = try await tokens.issue(.resetPassword, for: id, in: tx)
            try await outbox.enqueue(mail.passwordReset(to: user.email, token: token, in: user.mailLanguage), in: tx)
            try await audit.record(.passwordResetRequested, by: actor, on: .user(user.userID!), in: tx)
        }
        try await Task.sleep(until: started + minimumRequestTime, clock: .continuous)
        return try renderer.render(
            "accounts/reset-sent", title: renderer.text("reset-sent-title", in: context.language), content: EmptyContent(), context: context
        )
    }

    func showReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard try await tokens.peek(token, purpose: .resetPassword, in: database.db) != nil else {
            return try renderer.render(
                "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
                context: context, status: .notFound)
        }
        return try resetPage(token: token, errors: [:], context: context)
    }

    func reset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form
        let token = form["token"]
        guard let pending = try await tokens.peek(token, purpose: .resetPassword, in: database.db),
            let user = try await UserModel.find(pending.$user.id, on: database.db)
        else {
            return try renderer.render(
                "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
                context: context, status: .notFound)
        }
        let password = form["password"]
        let failures = policy.failures(
            for: password, personalDetails: [EmailAddress.normalise(user.email).prefix { $0 != "@" }.description, user.displayName])
        var errors: [String: String] = [:]
        if !failures.isEmpty { errors["password"] = renderer.wording(context)(.joined(failures.map(\.message))) }
        if form["password_confirmation"] != password {
            errors["password_confirmation"] = renderer.text("account-error-password-mismatch", in: context.language)
        }
        guard errors.isEmpty else { return try resetPage(token: token, errors: errors, context: context, status: .badRequest) }

        let hash = try await hasher.hash(password)
        let actor = context.auditActor(as: user)
        let done = try await database.db.transaction { tx -> Bool in
            guard let userID = try await tokens.redeem(token, purpose: .resetPassword, in: tx), userID == user.id else { return false }
            try await tokens.revokeAll(.resetPassword, for: userID, in: tx)
            user.passwordHash = hash
            user.passwordChangedAt = Date()
            try await user.update(on: tx)
            try await audit.record(.passwordReset, by: actor, on: .user(user.userID!), in: tx)
            try await outbox.enqueue(mail.passwordChanged(to: user.email, in: user.mailLanguage), in: tx)
            return true
        }
        guard done else {
            return try renderer.render(
                "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
                context: context, status: .notFound)
        }
        try await sessions.removeAll(ofUser: user.id!)
        context.session.rotate(userID: nil, notice: renderer.text("password-reset-done", in: context.language))
        return .redirect(to: "/signin", type: .normal)
    }

    private func resetPage(
        token: String, errors: [String: String], context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let password = FieldView("password", error: errors["password"])
        let confirmation = FieldView("password_confirmation", error: errors["password_confirmation"])
        let content = ResetContent(
            token: token, password: password, confirmation: confirmation, summary: ErrorSummary([password, confirmation]),
            rules: PasswordRules.sentences(renderer.wording(context)),
            heading: renderer.text("password-reset-heading", in: context.language),
            button: renderer.text("password-reset-button", in: context.language))
        return try renderer.render(
            "accounts/reset-password", title: content.heading, content: content, context: context, status: status, hasForm: true)
    }
}

/// The password rule as the pages state it before anyone types.
enum PasswordRules {
    static func sentences(_ wording: Wording) -> [String] {
        [
            wording("password-needs-length", ["min": .number(PasswordPolicy.minimumLength), "max": .number(PasswordPolicy.maximumLength)]),
            wording("password-needs-characters"), wording("password-needs-uncommon"),
        ]
    }
}
