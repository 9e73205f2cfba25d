import ConsiliumCore
import Foundation

/// What the server keeps for one browser session. Never sent to the browser: the cookie holds
/// only a random id.
struct SessionState: Codable, Sendable, UserOwnedValue {
    /// The signed-in user, nil for a visitor who has not signed in.
    var userID: UUID?
    /// Token every state-changing form must echo back.
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date
    /// A one-time message shown on the next page ("You have been signed out.").
    var notice: String?

    var ownerUserID: UUID? { userID }

    init(userID: UUID? = nil, now: Date = Date()) {
        self.userID = userID
        self.csrfToken = SecureToken.generate()
        self.createdAt = now
        self.lastSeenAt = now
    }
}
