import ConsiliumCore
import Foundation

/// The account behind a signed-in request, loaded fresh from the database on every request so
/// that a disabled account or a changed role takes effect at once.
struct SignedInUser: Sendable {
    let id: UserID
    let email: String
    let displayName: String
    let role: Role
    let emailVerified: Bool
    /// Whether sign-in asks for an authenticator code.
    let hasTwoFactor: Bool

    init?(_ user: UserModel) {
        guard let id = user.userID, let role = user.role, user.disabledAt == nil else { return nil }
        self.id = id
        self.email = user.email
        self.displayName = user.displayName
        self.role = role
        self.emailVerified = user.isVerified
        self.hasTwoFactor = user.hasTwoFactor
    }
}
