import ConsiliumCore
import FluentKit
import Foundation

/// A person who can sign in. One role each; the email is stored normalised and is unique.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var roleName: String
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "email_verified_at") var emailVerifiedAt: Date?
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?
    /// Sessions that began before this (whole microseconds) are refused: set whenever the
    /// account's sessions are ended (a credential or role change, a reset, disabling).
    @OptionalField(key: "sessions_valid_from_micros") var sessionsValidFromMicros: Int64?

    // two-step sign-in
    /// The authenticator key, sealed by `SecretBox`; nil until enrolment is confirmed.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    /// The last time step whose code was accepted: codes from it or earlier are refused.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    @OptionalField(key: "two_factor_enabled_at") var twoFactorEnabledAt: Date?
    /// The language the person chose with the switch (a tag, "en" or "es"); nil until they do.
    @OptionalField(key: "language") var language: String?

    init() {}

    init(id: UUID? = nil, email: EmailAddress, displayName: String, role: Role, passwordHash: String) {
        self.id = id
        self.email = email.value
        self.displayName = displayName
        self.roleName = role.rawValue
        self.passwordHash = passwordHash
    }

    var userID: UserID? { id.map(UserID.init(rawValue:)) }

    /// The role, or nil for a value this build does not know (a newer version wrote it): such an account gets no access.
    var role: Role? { Role(rawValue: roleName) }

    var isVerified: Bool { emailVerifiedAt != nil }

    var hasTwoFactor: Bool { twoFactorEnabledAt != nil }

    /// Whether a session that began at `start` may still act for this account.
    func honoursSession(startedAt start: Date) -> Bool {
        guard let validFrom = sessionsValidFromMicros else { return true }
        return AuditLog.micros(start) >= validFrom
    }
}
