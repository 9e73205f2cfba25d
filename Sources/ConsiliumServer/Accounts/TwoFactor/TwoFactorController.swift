import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// Setting up two-step sign-in from one's own account: scan the QR code (or type the key),
/// confirm with a code, save the recovery codes. Also new recovery codes, and turning it off
/// for the roles that may.
struct TwoFactorController: Sendable {
    let database: DatabaseService
    let service: TwoFactorService
    let box: SecretBox
    let hasher: PasswordHasher
    let limiter: RateLimiter
    let sessions: FluentPersistDriver
    let renderer: PageRenderer

    /// The enrolment page.
    struct EnrolContent: Sendable {
        let manualKey: String
        let code: FieldView
        let summary: ErrorSummary
        let required: Bool
    }

    /// The page of someone who has it on.
    struct StatusContent: Sendable {
        /// "You have 7 unused recovery codes of 10.", in the reader's language and plural.
        let codesLeftText: String
        let fewLeft: Bool
        let canTurnOff: Bool
        let code: FieldView
        let password: FieldView
        let summary: ErrorSummary
    }

    /// The recovery codes, shown once.
    struct CodesContent: Sendable {
        let codes: [String]
        let first: Bool
    }

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        if context.identity.hasTwoFactor { return try await statusPage(context: context) }
        return try enrolPage(secret: try pendingSecret(context), context: context)
    }

    /// The QR code of the key being enrolled, as SVG; it exists only during enrolment.
    func qrCode(_ request: Request, context: SignedInContext) throws -> Response {
        guard !context.identity.hasTwoFactor, let sealed = context.session.state?.enrolmentSecret,
            let secret = try? box.open(sealed, purpose: TwoFactorService.purpose)
        else { throw HTTPError(.notFound) }
        let link = service.enrolment(secret: secret, accountName: context.identity.email).link
        let svg = try QRCode(text: link, correction: .medium).svg(title: renderer.wording(context)("enrol-qr-title"))
        return Response(
            status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: svg)))
    }

    /// Confirms enrolment with a code from the app; then shows the recovery codes once.
    func confirm(_ request: Request, context: SignedInContext) async throws -> Response {
        guard !context.identity.hasTwoFactor else { return .redirect(to: TwoFactorGateMiddleware.enrolmentPath, type: .normal) }
        try await limiter.hit(RateLimiter.Rules.codePerAccount, subject: context.identity.id.rawValue.uuidString)
        let secret = try pendingSecret(context)
        guard case .accepted(let step) = service.check(context.form["code"], secret: secret) else {
            return try enrolPage(
                secret: secret, context: context,
                error: renderer.wording(context)("enrol-error-code", ["service": .text(renderer.site.serviceName)]),
                status: .badRequest)
        }
        guard let user = try await UserModel.find(context.identity.id.rawValue, on: database.db) else { throw SignInRequired() }
        let codes = try await service.enable(user, secret: secret, step: step, actor: context.auditActor)
        // Sessions that began with the password alone end; this one continues under a new id.
        try await sessions.removeAll(ofUser: context.identity.id.rawValue)
        context.session.rotate(userID: context.identity.id.rawValue)
        return try codesPage(codes, first: true, context: context)
    }

    /// New recovery codes, after a code from the app.
    func regenerate(_ request: Request, context: SignedInContext) async throws -> Response {
        guard let user = try await enabledUser(context) else { return .redirect(to: TwoFactorGateMiddleware.enrolmentPath, type: .normal) }
        try await limiter.hit(RateLimiter.Rules.codePerAccount, subject: context.identity.id.rawValue.uuidString)
        guard case .accepted = try await service.verify(context.form["code"], for: user) else {
            return try await statusPage(
                context: context, codeError: renderer.wording(context)("two-factor-error-code"),
                status: .badRequest)
        }
        let codes = try await service.regenerateRecoveryCodes(of: user, actor: context.auditActor)
        return try codesPage(codes, first: false, context: context)
    }

    /// Turns it off, after the password; not for the roles that must keep it.
    func turnOff(_ request: Request, context: SignedInContext) async throws -> Response {
        guard !context.identity.role.requiresTwoFactor else { throw HTTPError(.forbidden) }
        guard let user = try await enabledUser(context) else { return .redirect(to: "/account", type: .normal) }
        try await limiter.hit(RateLimiter.Rules.signInPerAccount, subject: context.identity.email)
        guard try await hasher.verify(context.form["password"], against: user.passwordHash) else {
            return try await statusPage(
                context: context, passwordError: renderer.wording(context)("two-factor-error-password"), status: .badRequest)
        }
        let actor = context.auditActor
        try await database.db.transaction { tx in
            try await service.disable(user, actor: actor, detail: "by_user", in: tx)
        }
        let notice = renderer.wording(context)("two-factor-off-notice")
        context.session.update { $0.notice = notice }
        return .redirect(to: "/account", type: .normal)
    }

    // MARK: - Pages

    /// The key shown on the enrolment page: kept (sealed) in the session so a reload shows the same QR code.
    private func pendingSecret(_ context: SignedInContext) throws -> String {
        if let sealed = context.session.state?.enrolmentSecret, let secret = try? box.open(sealed, purpose: TwoFactorService.purpose) {
            return secret
        }
        let secret = TwoFactorService.newSecret()
        let sealed = try box.seal(secret, purpose: TwoFactorService.purpose)
        context.session.update { $0.enrolmentSecret = sealed }
        return secret
    }

    private func enabledUser(_ context: SignedInContext) async throws -> UserModel? {
        guard let user = try await UserModel.find(context.identity.id.rawValue, on: database.db), user.hasTwoFactor else { return nil }
        return user
    }

    private func enrolPage(
        secret: String, context: SignedInContext, error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws
        -> Response
    {
        let code = FieldView("code", error: error)
        let content = EnrolContent(
            manualKey: service.enrolment(secret: secret, accountName: context.identity.email).manualKey, code: code,
            summary: ErrorSummary([code]), required: context.identity.role.requiresTwoFactor)
        return try renderer.render(
            "accounts/two-factor-enrol", title: renderer.wording(context)("dashboard-two-factor-set-up"), content: content,
            context: context, status: status, hasForm: true
        )
    }

    private func statusPage(
        context: SignedInContext, codeError: String? = nil, passwordError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let left = try await service.unusedRecoveryCodes(of: context.identity.id.rawValue)
        let code = FieldView("code", error: codeError)
        let password = FieldView("password", error: passwordError)
        let content = StatusContent(
            codesLeftText: renderer.wording(context)(
                "two-factor-codes-left", ["left": .number(left), "total": .number(RecoveryCodes.count)]),
            fewLeft: left <= 3,
            canTurnOff: !context.identity.role.requiresTwoFactor, code: code, password: password,
            summary: ErrorSummary([code, password]))
        return try renderer.render(
            "accounts/two-factor-status", title: renderer.wording(context)("two-factor-heading"), content: content, context: context,
            status: status, hasForm: true)
    }

    private func codesPage(_ codes: [String], first: Bool, context: SignedInContext) throws -> Response {
        try renderer.render(
            "accounts/recovery-codes", title: renderer.wording(context)("codes-heading"), content: CodesContent(codes: codes, first: first),
            context: context)
    }
}
