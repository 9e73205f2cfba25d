import ConsiliumCore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The context of every request: the session, the signed-in user if any, and the parsed form.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address as the socket saw it; `ClientAddress` decides what to trust.
    let peerAddress: String?
    /// The client's address for audit and rate limits, set by `ClientAddressMiddleware`.
    var clientAddress: String
    /// The browser's User-Agent, for audit events; set by `ClientAddressMiddleware`.
    var userAgent: String?
    var session: SessionHandle
    var identity: SignedInUser?
    /// The fields of a url-encoded form, read and checked by the CSRF middleware.
    var form: FormData
    /// The CSRF token of a visitor without a session.
    var anonymousCSRF: AnonymousCSRF

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
        self.clientAddress = peerAddress ?? "unknown"
        self.userAgent = nil
        self.session = SessionHandle()
        self.identity = nil
        self.form = FormData()
        self.anonymousCSRF = AnonymousCSRF(fromCookie: nil)
    }

    /// Forms are small; uploads (later) stream their bodies instead of collecting them.
    var maxUploadSize: Int { 256 * 1024 }

    /// The token the current page's forms must carry.
    var csrfToken: String {
        session.state?.csrfToken ?? anonymousCSRF.token
    }
}

/// The context of routes that require a signed-in user: there, the user is never missing.
struct SignedInContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let peerAddress: String?
    let clientAddress: String
    let userAgent: String?
    let session: SessionHandle
    let identity: SignedInUser
    let form: FormData
    let csrfToken: String

    init(context: AppRequestContext) throws {
        guard let identity = context.identity else { throw SignInRequired() }
        self.coreContext = context.coreContext
        self.peerAddress = context.peerAddress
        self.clientAddress = context.clientAddress
        self.userAgent = context.userAgent
        self.session = context.session
        self.identity = identity
        self.form = context.form
        self.csrfToken = context.csrfToken
    }

    var maxUploadSize: Int { 256 * 1024 }
}

/// Thrown when a signed-in page is asked for without a session; the error middleware sends the
/// person to the sign-in page.
struct SignInRequired: Error {}
