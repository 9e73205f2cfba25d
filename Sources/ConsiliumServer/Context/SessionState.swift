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
    /// The registration wizard's entries, while it is in progress.
    var registration: RegistrationDraft?
    /// A family member adding another patient to their account (steps 1 and 2 again).
    var addPatient: RegistrationDraft?
    /// Set when registration finished in this session, so that a repeated last step shows the
    /// same page instead of registering again.
    var registrationFinished = false
    /// The case a physician proved they may join (by reference number or invitation), shown for confirmation.
    var joiningCaseID: CaseID?
    /// The person must accept a newer agreement before anything else.
    var mustAcceptAgreement = false
    /// The password was right; the authenticator code is still to come. Not yet signed in.
    var pendingSignIn: PendingSignIn?
    /// The authenticator key being enrolled, sealed, until the person confirms it with a code.
    var enrolmentSecret: String?
    /// The page that answered a form, shown once at the page the form was on (post/redirect/get).
    var returnedPage: ReturnedPage?

    /// A page kept for one showing at `path`.
    struct ReturnedPage: Codable, Sendable {
        let path: String
        let status: Int
        let html: String
        let keptAt: Date
    }

    var ownerUserID: UUID? { userID }

    /// A signed-in session always gets a fresh CSRF token; an anonymous one may keep the
    /// visitor's existing token.
    init(userID: UUID? = nil, csrfToken: String? = nil, now: Date = Date()) {
        self.userID = userID
        self.csrfToken = userID == nil ? (csrfToken ?? SecureToken.generate()) : SecureToken.generate()
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// A sign-in halfway through: whose password was right, where to go after, and since when
/// (the code must follow within five minutes).
struct PendingSignIn: Codable, Sendable {
    var userID: UUID
    var next: String
    var startedAt: Date

    static let lifetime: TimeInterval = 5 * 60
}
