import ConsiliumCore
import FluentKit
import Foundation
import HummingbirdOTP
import SQLKit

/// Two-step sign-in with an authenticator app (TOTP, RFC 6238, codes computed by
/// HummingbirdOTP) and single-use recovery codes.
struct TwoFactorService: Sendable {
    let database: DatabaseService
    let box: SecretBox
    let audit: AuditLog
    let outbox: Outbox
    let mail: AccountMail
    let issuer: String

    static let purpose = "totp"

    /// A new random key: 20 characters from a 62-letter alphabet (119 bits). HummingbirdOTP
    /// uses the key's UTF-8 bytes, which is what its base32 form gives an authenticator app.
    static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// What the enrolment page shows for `secret`: the link the QR code holds and the key to type by hand.
    struct Enrolment: Sendable {
        let link: String
        let manualKey: String
    }

    func enrolment(secret: String, accountName: String) -> Enrolment {
        Enrolment(
            link: TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(accountName)", issuer: issuer),
            manualKey: Base32.grouped(Base32.encode(Array(secret.utf8))))
    }

    /// Checks a code against a secret not yet saved (enrolment).
    func check(_ code: String, secret: String, at date: Date = Date()) -> OneTimeCode.Outcome {
        OneTimeCode.check(code, at: date, lastUsedStep: nil) { TOTP(secret: secret).compute(date: Self.date(ofStep: $0)) }
    }

    /// Turns two-step sign-in on with `secret` (whose code the person just typed) and returns
    /// ten new recovery codes, shown once.
    func enable(_ user: UserModel, secret: String, step: Int64, actor: AuditLog.Actor, now: Date = Date()) async throws -> [String] {
        let sealed = try box.seal(secret, purpose: Self.purpose)
        return try await database.db.transaction { tx in
            user.totpSecret = sealed
            user.totpLastStep = step
            user.twoFactorEnabledAt = now
            try await user.update(on: tx)
            let codes = try await replaceRecoveryCodes(of: try user.requireID(), now: now, in: tx)
            try await audit.record(.twoFactorEnrolled, by: actor, on: .user(UserID(rawValue: try user.requireID())), at: now, in: tx)
            try await outbox.enqueue(mail.twoFactorChanged(to: user.email, .turnedOn, in: user.mailLanguage), in: tx)
            return codes
        }
    }

    /// Accepts a sign-in code once: the last-used step moves forward in one conditional
    /// update, so two requests racing with the same code cannot both succeed.
    func verify(_ code: String, for user: UserModel, at date: Date = Date()) async throws -> OneTimeCode.Outcome {
        guard let sealed = user.totpSecret, let userID = user.id else { return .wrong }
        let secret = try box.open(sealed, purpose: Self.purpose)
        let outcome = OneTimeCode.check(code, at: date, lastUsedStep: user.totpLastStep) {
            TOTP(secret: secret).compute(date: Self.date(ofStep: $0))
        }
        guard case .accepted(let step) = outcome, let sql = database.db as? any SQLDatabase else { return outcome }
        let moved = try await sql.raw(
            """
            UPDATE users SET totp_last_step = \(bind: step)
            WHERE id = \(bind: userID) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
            RETURNING id
            """
        ).all()
        return moved.isEmpty ? .replayed : outcome
    }

    /// Spends a recovery code; true if it was one of the user's unused codes.
    /// Spends a recovery code and tells the owner by mail; true if it was one of the user's unused codes.
    func spendRecoveryCode(_ typed: String, for user: UserModel, at date: Date = Date()) async throws -> Bool {
        guard let code = RecoveryCodes.normalized(typed) else { return false }
        let userID = try user.requireID()
        return try await database.db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return false }
            let spent = try await sql.raw(
                """
                UPDATE recovery_codes SET used_at = \(bind: date)
                WHERE user_id = \(bind: userID) AND code_hash = \(bind: RecoveryCodes.hash(code)) AND used_at IS NULL
                RETURNING id
                """
            ).all()
            guard !spent.isEmpty else { return false }
            let left = try await RecoveryCodeModel.query(on: tx).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
            try await outbox.enqueue(mail.twoFactorChanged(to: user.email, .recoveryCodeUsed(left: left), in: user.mailLanguage), in: tx)
            return true
        }
    }

    func unusedRecoveryCodes(of userID: UUID) async throws -> Int {
        try await RecoveryCodeModel.query(on: database.db).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
    }

    /// Ten fresh codes; the old ones stop working.
    func regenerateRecoveryCodes(of user: UserModel, actor: AuditLog.Actor, now: Date = Date()) async throws -> [String] {
        let userID = try user.requireID()
        return try await database.db.transaction { tx in
            let codes = try await replaceRecoveryCodes(of: userID, now: now, in: tx)
            try await audit.record(.recoveryCodesRegenerated, by: actor, on: .user(UserID(rawValue: userID)), at: now, in: tx)
            try await outbox.enqueue(mail.twoFactorChanged(to: user.email, .recoveryCodesRenewed, in: user.mailLanguage), in: tx)
            return codes
        }
    }

    /// Turns two-step sign-in off: the key and the recovery codes are removed. `detail` says
    /// why ("by_user", or an administrator's reset for re-enrolment).
    func disable(
        _ user: UserModel, actor: AuditLog.Actor, action: AuditAction = .twoFactorDisabled, detail: String? = nil, in db: any Database
    )
        async throws
    {
        user.totpSecret = nil
        user.totpLastStep = nil
        user.twoFactorEnabledAt = nil
        try await user.update(on: db)
        try await RecoveryCodeModel.query(on: db).filter(\.$userID == user.requireID()).delete()
        try await audit.record(action, by: actor, on: .user(UserID(rawValue: try user.requireID())), detail: detail, in: db)
        try await outbox.enqueue(
            mail.twoFactorChanged(to: user.email, action == .twoFactorReset ? .resetByAdministrator : .turnedOff, in: user.mailLanguage),
            in: db)
    }

    private func replaceRecoveryCodes(of userID: UUID, now: Date, in db: any Database) async throws -> [String] {
        try await RecoveryCodeModel.query(on: db).filter(\.$userID == userID).delete()
        let codes = RecoveryCodes.generate()
        for code in codes {
            try await RecoveryCodeModel(userID: userID, codeHash: RecoveryCodes.hash(RecoveryCodes.normalized(code)!), createdAt: now)
                .create(on: db)
        }
        return codes
    }

    static func date(ofStep step: Int64) -> Date {
        Date(timeIntervalSince1970: Double(step * OneTimeCode.timeStep))
    }
}
