import FluentKit
import Foundation

/// A single-use secret sent by email (verify the address, reset the password); only its hash is kept.
final class EmailTokenModel: Model, @unchecked Sendable {
    static let schema = "email_tokens"

    /// What following the link does.
    enum Purpose: String, Codable, Sendable {
        case verifyEmail = "verify_email"
        case resetPassword = "reset_password"
        /// An administrator invited a member of staff, who sets their password with it.
        case staffInvitation = "staff_invitation"
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    @Parent(key: "user_id") var user: UserModel

    // data fields
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, purpose: Purpose, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.purpose = purpose.rawValue
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
