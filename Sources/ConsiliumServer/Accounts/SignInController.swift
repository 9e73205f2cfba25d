import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// Sign-in and sign-out. Wrong password and unknown email get the same words and the same
/// Bcrypt work, so neither the page nor its timing tells whether an email is registered.
struct SignInController: Sendable {
    let database: DatabaseService
    let hasher: PasswordHasher
    let limiter: RateLimiter
    let audit: AuditLog
    let agreementCheck: AgreementCheck
    let twoFactor: TwoFactorService
    let renderer: PageRenderer
    /// Whether cookies set here are HTTPS-only.
    var secureCookies = false

    /// The sign-in page's fields.
    struct Content: Sendable {
        let email: FieldView
        let password: FieldView
        let summary: ErrorSummary
        let next: String
        let hasExpiredNotice: Bool
        let hasSignedOutNotice: Bool
    }

    /// The one answer to a wrong password and to an unknown address, so neither tells which it was.
    static let failureMessage = "signin-failed"

    func show(_ request: Request, context: AppRequestContext) throws -> Response {
        if context.identity != nil { return .redirect(to: "/account", type: .normal) }
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "")
        if next.isEmpty, request.uri.queryParameters.isEmpty, !context.session.expired {
            return try renderer.renderKept(
                "signin", "accounts/signin", title: renderer.text("signin-title", in: context.language),
                content: Self.content(email: "", error: nil, next: ""), context: context,
                hasForm: true)
        }
        return try page(
            email: "", error: nil, next: next, context: context,
            expired: context.session.expired || request.uri.queryParameters["expired"] != nil,
            signedOut: request.uri.queryParameters["signedout"] != nil)
    }

    func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form
        let typedEmail = form["email"]
        let password = form["password"]
        let next = Self.safeNext(form["next"])
        let actor = context.auditActor()
        guard let email = try? EmailAddress(typedEmail), !password.isEmpty else {
            return try page(
                email: typedEmail, error: "signin-missing", next: next, context: context, status: .badRequest)
        }
        do {
            try await limiter.hit(RateLimiter.Rules.signInPerAddress, subject: context.clientAddress)
            try await limiter.hit(RateLimiter.Rules.signInPerAccount, subject: email.value)
        } catch let error as RateLimited {
            try await audit.record(.signInThrottled, by: actor, outcome: .denied, detail: error.rule, in: database.db)
            throw error
        }
        let user = try await UserModel.query(on: database.db).filter(\.$email == email.value).first()
        guard let user else {
            try await hasher.verifyAgainstDummy(password)
            try await audit.record(.signInFailed, by: actor, outcome: .failure, detail: "unknown_account", in: database.db)
            return try page(email: typedEmail, error: Self.failureMessage, next: next, context: context, status: .unauthorized)
        }
        var userActor = actor
        userActor.userID = user.userID
        userActor.role = user.role
        guard try await hasher.verify(password, against: user.passwordHash) else {
            try await audit.record(
                .signInFailed, by: userActor, on: .user(user.userID!), outcome: .failure, detail: "wrong_password", in: database.db)
            return try page(email: typedEmail, error: Self.failureMessage, next: next, context: context, status: .unauthorized)
        }
        if hasher.needsRehash(user.passwordHash) {
            // Made before passwords were normalised: the same password, hashed the current way.
            user.passwordHash = try await hasher.hash(password)
            try await user.update(on: database.db)
        }
        guard SignedInUser(user) != nil else {
            try await audit.record(
                .signInFailed, by: userActor, on: .user(user.userID!), outcome: .denied, detail: "disabled", in: database.db)
            return try page(
                email: typedEmail, error: "signin-inactive", next: next, context: context,
                status: .forbidden)
        }
        if user.hasTwoFactor {
            // Not signed in yet: a fresh session that only remembers whose code to expect.
            let pending = PendingSignIn(userID: try user.requireID(), next: next, startedAt: Date())
            context.session.rotate(userID: nil)
            context.session.update { $0.pendingSignIn = pending }
            return .redirect(to: Self.codePath, type: .normal)
        }
        return try await finish(user, next: next, actor: userActor, detail: "password", context: context)
    }

    /// Signs `user` in: the event, a new session id, the agreement gate, then where they were going.
    func finish(
        _ user: UserModel, next: String, actor: AuditLog.Actor, detail: String, notice: String? = nil, context: AppRequestContext
    )
        async throws -> Response
    {
        try await audit.record(.signIn, by: actor, on: .user(user.userID!), detail: detail, in: database.db)
        context.session.rotate(userID: user.id, notice: notice)
        var response: Response
        if try await agreementCheck.mustAccept(user) {
            context.session.update { $0.mustAcceptAgreement = true }
            response = .redirect(to: AgreementGateMiddleware.acceptancePath, type: .normal)
        } else {
            response = .redirect(to: ReturnPath.resolve(next), type: .normal)
        }
        // the language the person chose on their account, on whatever browser they sign in from
        if let chosen = user.language.flatMap(Language.init(tag:)) {
            response.setCookie(LanguageChoice.cookie(chosen, secure: secureCookies))
        }
        return response
    }

    func signOut(_ request: Request, context: SignedInContext) async throws -> Response {
        try await audit.record(.signOut, by: context.auditActor, on: .user(context.identity.id), in: database.db)
        context.session.destroy()
        return .redirect(to: "/signin?signedout=1", type: .normal)
    }

    /// The sign-in page; `error` is the id of the message shown beside the email field.
    private func page(
        email: String, error: String?, next: String, context: AppRequestContext, status: HTTPResponse.Status = .ok, expired: Bool = false,
        signedOut: Bool = false
    ) throws -> Response {
        let language = context.language
        let content = Self.content(
            email: email, error: error.map { renderer.text($0, in: language) }, next: next, expired: expired, signedOut: signedOut)
        let title = renderer.text(error == nil ? "signin-title" : "signin-error-title", in: language)
        return try renderer.render("accounts/signin", title: title, content: content, context: context, status: status, hasForm: true)
    }

    private static func content(email: String, error: String?, next: String, expired: Bool = false, signedOut: Bool = false) -> Content {
        let emailField = FieldView("email", value: email, error: error)
        return Content(
            email: emailField, password: FieldView("password"), summary: ErrorSummary([emailField]), next: next,
            hasExpiredNotice: expired, hasSignedOutNotice: signedOut)
    }

    /// Only a path on this site may be returned to after signing in (see `ReturnPath`).
    static func safeNext(_ raw: String) -> String {
        ReturnPath(raw)?.value ?? ""
    }
}

extension HTTPField.Name {
    static let origin = Self("Origin")!
    static let referer = Self("Referer")!
}
