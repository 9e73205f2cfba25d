import Foundation
import NIOConcurrencyHelpers

/// The session as one request sees and changes it; the session middleware loads it before the
/// handler and writes back what the handler decided.
final class SessionHandle: Sendable {
    /// What the middleware must do with the session after the handler has run.
    enum Change: Sendable {
        case none
        /// Write the changed state under the same id.
        case save
        /// Issue a new id (sign-in): the old session is deleted and a new cookie set.
        case rotate
        /// Delete the session and clear the cookie (sign-out).
        case destroy
    }

    private struct Storage {
        var state: SessionState?
        var change: Change = .none
        var expired = false
        /// The visitor's anonymous CSRF token, carried into a session made for them mid-visit so
        /// that forms they already have open keep working.
        var anonymousCSRFToken: String?
    }

    private let storage: NIOLockedValueBox<Storage>

    init(state: SessionState? = nil, expired: Bool = false) {
        storage = .init(Storage(state: state, expired: expired))
    }

    var state: SessionState? { storage.withLockedValue { $0.state } }
    var change: Change { storage.withLockedValue { $0.change } }
    /// Whether the request came with a session that had timed out.
    var expired: Bool { storage.withLockedValue { $0.expired } }

    /// Starts a fresh session (new id, new CSRF token) for `userID`, replacing any current one.
    func rotate(userID: UUID?, notice: String? = nil) {
        storage.withLockedValue {
            var fresh = SessionState(userID: userID)
            fresh.notice = notice
            $0.state = fresh
            $0.change = .rotate
        }
    }

    func adoptAnonymousCSRFToken(_ token: String?) {
        storage.withLockedValue { $0.anonymousCSRFToken = token }
    }

    /// Changes the current session, creating an anonymous one if there is none.
    func update(_ body: (inout SessionState) -> Void) {
        storage.withLockedValue {
            var state = $0.state ?? SessionState(csrfToken: $0.anonymousCSRFToken)
            body(&state)
            let isNew = $0.state == nil
            $0.state = state
            if case .none = $0.change { $0.change = isNew ? .rotate : .save }
        }
    }

    /// Takes the one-time notice, if any, so it is shown once.
    func takeNotice() -> String? {
        storage.withLockedValue {
            guard let notice = $0.state?.notice else { return nil }
            $0.state?.notice = nil
            if case .none = $0.change { $0.change = .save }
            return notice
        }
    }

    func destroy() {
        storage.withLockedValue {
            $0.state = nil
            $0.change = .destroy
        }
    }
}
