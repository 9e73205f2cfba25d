import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// The second step of signing in, for accounts with two-step sign-in: a code from the
/// authenticator app, or one of the recovery codes.
extension SignInController {
    static let codePath = "/signin/code"

    /// The code page's fields.
    struct CodeContent: Sendable {
        let code: FieldView
        let recoveryCode: FieldView
        let summary: ErrorSummary
        let usingRecoveryCode: Bool
    }

    func showCode(_ request: Request, context: AppRequestContext) throws -> Response {
        guard pending(context) != nil else { return .redirect(to: "/signin?expired=1", type: .normal) }
        return try codePage(context: context, recovery: request.uri.queryParameters["recovery"] != nil)
    }

    func enterCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let pending = pending(context) else { return .redirect(to: "/signin?expired=1", type: .normal) }
        guard let user = try await UserModel.find(pending.userID, on: database.db), SignedInUser(user) != nil, user.hasTwoFactor else {
            context.session.destroy()
            return .redirect(to: "/signin", type: .normal)
        }
        let actor = context.auditActor(as: user)
        do {
            try await limiter.hit(RateLimiter.Rules.codePerAccount, subject: pending.userID.uuidString)
        } catch let error as RateLimited {
            try await audit.record(
                .signInThrottled, by: actor, on: .user(user.userID!), outcome: .denied, detail: error.rule, in: database.db)
            throw error
        }
        let form = context.form
        let wording = renderer.wording(context)
        if form["method"] == "recovery" {
            guard try await twoFactor.spendRecoveryCode(form["recovery_code"], for: user) else {
                try await audit.record(
                    .signInFailed, by: actor, on: .user(user.userID!), outcome: .failure, detail: "wrong_recovery_code", in: database.db)
                return try codePage(
                    context: context, recovery: true, recoveryError: wording("recovery-error-wrong"),
                    status: .unauthorized)
            }
            let left = try await twoFactor.unusedRecoveryCodes(of: pending.userID)
            let notice = wording(
                .joined([
                    Message("recovery-used-notice", ["left": .number(left), "total": .number(RecoveryCodes.count)]),
                    Message(user.role?.requiresTwoFactor == true ? "recovery-new-phone-staff" : "recovery-new-phone"),
                ]))
            return try await finish(
                user, next: pending.next, actor: actor, detail: "password+recovery_code", notice: notice, context: context)
        }
        switch try await twoFactor.verify(form["code"], for: user) {
        case .accepted:
            return try await finish(user, next: pending.next, actor: actor, detail: "password+totp", context: context)
        case .replayed:
            try await audit.record(
                .signInFailed, by: actor, on: .user(user.userID!), outcome: .failure, detail: "replayed_code", in: database.db)
            return try codePage(
                context: context, codeError: wording("code-error-replayed"),
                status: .unauthorized)
        case .wrong:
            try await audit.record(
                .signInFailed, by: actor, on: .user(user.userID!), outcome: .failure, detail: "wrong_code", in: database.db)
            return try codePage(
                context: context, codeError: wording("code-error-wrong"),
                status: .unauthorized)
        }
    }

    /// The sign-in waiting for a code, if it is recent enough.
    private func pending(_ context: AppRequestContext) -> PendingSignIn? {
        guard context.identity == nil, let pending = context.session.state?.pendingSignIn,
            Date().timeIntervalSince(pending.startedAt) < PendingSignIn.lifetime
        else { return nil }
        return pending
    }

    private func codePage(
        context: AppRequestContext, recovery: Bool = false, codeError: String? = nil, recoveryError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let code = FieldView("code", error: codeError)
        let recoveryCode = FieldView("recovery_code", error: recoveryError)
        let content = CodeContent(
            code: code, recoveryCode: recoveryCode, summary: ErrorSummary([code, recoveryCode]),
            usingRecoveryCode: recovery || recoveryError != nil)
        return try renderer.render(
            "accounts/signin-code", title: renderer.wording(context)("code-heading"), content: content, context: context, status: status,
            hasForm: true)
    }
}
