import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// Issues and redeems the single-use secrets sent by email. Only a hash is stored; redeeming
/// is one conditional update, so a token works once even when two requests race.
struct EmailTokens: Sendable {
    static let verificationLifetime: TimeInterval = 24 * 3600
    static let resetLifetime: TimeInterval = 3600
    static let invitationLifetime: TimeInterval = 7 * 24 * 3600

    /// Creates a token for `userID` and returns the secret to put in the link.
    func issue(_ purpose: EmailTokenModel.Purpose, for userID: UUID, in db: any Database, now: Date = Date()) async throws -> String {
        let secret = SecureToken.generate()
        let lifetime =
            switch purpose {
            case .verifyEmail: Self.verificationLifetime
            case .resetPassword: Self.resetLifetime
            case .staffInvitation: Self.invitationLifetime
            }
        try await EmailTokenModel(
            userID: userID, purpose: purpose, tokenHash: SecureToken.hash(secret), expiresAt: now.addingTimeInterval(lifetime)
        )
        .create(on: db)
        return secret
    }

    /// The unexpired, unused token for `secret`, without using it up (to show a form first).
    func peek(_ secret: String, purpose: EmailTokenModel.Purpose, in db: any Database, now: Date = Date()) async throws -> EmailTokenModel?
    {
        guard !secret.isEmpty else { return nil }
        return try await EmailTokenModel.query(on: db)
            .filter(\.$tokenHash == SecureToken.hash(secret))
            .filter(\.$purpose == purpose.rawValue)
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now)
            .first()
    }

    /// Uses the token up and returns its user's id, or nil when it is unknown, expired or already used.
    func redeem(_ secret: String, purpose: EmailTokenModel.Purpose, in db: any Database, now: Date = Date()) async throws -> UUID? {
        guard !secret.isEmpty, let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw(
            """
            UPDATE email_tokens SET used_at = \(bind: now)
            WHERE token_hash = \(bind: SecureToken.hash(secret)) AND purpose = \(bind: purpose.rawValue)
              AND used_at IS NULL AND expires_at > \(bind: now)
            RETURNING user_id
            """
        ).first()
        return try row?.decode(column: "user_id", as: UUID.self)
    }

    /// Ends every unused token of `purpose` for `userID` (a newer one replaces them).
    func revokeAll(_ purpose: EmailTokenModel.Purpose, for userID: UUID, in db: any Database, now: Date = Date()) async throws {
        try await EmailTokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$purpose == purpose.rawValue)
            .filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
    }
}
