import ConsiliumCore
import FluentKit
import Foundation
import HummingbirdOTP
import SQLKit
import Testing

@testable import ConsiliumServer

/// Accounts and helpers that many tests need.
enum Fixtures {
    static let password = "Sturdy-pass-4829"

    /// The authenticator key of every account the fixtures enrol.
    static let totpSecret = "FixtureKey-2026-abcd"

    /// An account; staff get two-step sign-in (their role requires it) unless `twoFactor` says otherwise.
    @discardableResult
    static func user(
        _ dependencies: AppDependencies, email: String = "margaret.ellis@example.org", name: String = "Margaret Ellis",
        role: Role = .patient, verified: Bool = true, twoFactor: Bool? = nil
    ) async throws -> UserModel {
        let user = try await dependencies.accountService.createUser(
            email: try EmailAddress(email), displayName: name, role: role, password: password, verified: verified, actor: .system)
        if twoFactor ?? role.requiresTwoFactor { try await enrolTwoFactor(dependencies, user) }
        return user
    }

    /// Turns on two-step sign-in with `totpSecret`, as if the person had enrolled.
    static func enrolTwoFactor(_ dependencies: AppDependencies, _ user: UserModel) async throws {
        user.totpSecret = try dependencies.secretBox.seal(totpSecret, purpose: TwoFactorService.purpose)
        user.twoFactorEnabledAt = Date()
        try await user.update(on: dependencies.database.db)
    }

    /// A code the account's authenticator would show now and that the replay guard has not
    /// seen. Tests sign the same person in several times a minute, faster than codes change,
    /// so the last-used step is moved back when the window is spent (tests only).
    static func currentCode(_ dependencies: AppDependencies, email: String) async throws -> String {
        let user = try #require(try await UserModel.query(on: dependencies.database.db).filter(\.$email == email.lowercased()).first())
        let now = OneTimeCode.step(at: Date())
        var step = max(now, (user.totpLastStep ?? 0) + 1)
        if step > now + 1 {
            try await (dependencies.database.db as! any SQLDatabase)
                .raw("UPDATE users SET totp_last_step = \(bind: now - 2) WHERE id = \(bind: try user.requireID())").run()
            step = now - 1
        }
        return String(format: "%06d", TOTP(secret: totpSecret).compute(date: TwoFactorService.date(ofStep: step)))
    }

    static func auditActions(_ dependencies: AppDependencies) async throws -> [String] {
        try await AuditEventModel.query(on: dependencies.database.db).sort(\.$sequence).all().map(\.action)
    }

    static func outbox(_ dependencies: AppDependencies) async throws -> [OutboxMessageModel] {
        try await OutboxMessageModel.query(on: dependencies.database.db).sort(\.$createdAt).all()
    }

    /// The token of the last link to `path` in the outbox.
    static func lastLinkToken(_ dependencies: AppDependencies, path: String) async throws -> String? {
        let bodies = try await outbox(dependencies).map(\.bodyText)
        for body in bodies.reversed() {
            if let range = body.range(of: path + "?token=") {
                return String(body[range.upperBound...].prefix { !$0.isWhitespace })
            }
        }
        return nil
    }
}
