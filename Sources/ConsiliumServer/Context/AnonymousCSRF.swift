import ConsiliumCore
import NIOConcurrencyHelpers

/// The CSRF token of a visitor without a session, kept in its own cookie. It is made only when
/// a page actually puts it in a form, so pages without forms set no cookie.
final class AnonymousCSRF: Sendable {
    private struct State {
        var token: String?
        var isNew = false
    }

    private let state: NIOLockedValueBox<State>

    init(fromCookie token: String?) {
        state = .init(State(token: token))
    }

    /// The token, made now if the visitor had none.
    var token: String {
        state.withLockedValue {
            if let token = $0.token { return token }
            let token = SecureToken.generate()
            $0.token = token
            $0.isNew = true
            return token
        }
    }

    /// The token the visitor sent in the cookie, if any.
    var cookieToken: String? { state.withLockedValue { $0.isNew ? nil : $0.token } }

    /// A token made during this request, which the response must set as a cookie.
    var newToken: String? { state.withLockedValue { $0.isNew ? $0.token : nil } }
}
