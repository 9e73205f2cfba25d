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
    /// The language the request is answered in (`LanguageMiddleware`).
    var language: Language
    /// This page's own path, for the language switch to come back to.
    var pagePath: String

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
        self.clientAddress = peerAddress ?? "unknown"
        self.userAgent = nil
        self.session = SessionHandle()
        self.identity = nil
        self.form = FormData()
        self.anonymousCSRF = AnonymousCSRF(fromCookie: nil)
        self.language = .english
        self.pagePath = "/"
    }

    /// Forms are small; uploads (later) stream their bodies instead of collecting them.
    var maxUploadSize: Int { 256 * 1024 }

    /// The token the current page's forms must carry.
    var csrfToken: String {
        session.state?.csrfToken ?? anonymousCSRF.token
    }
}

/// A part of the site and who may enter it. Routes of an area take its context, which cannot
/// be made for anyone else, so the router's table reads as an access review.
protocol RoleArea: Sendable {
    /// How refusals name the area in the audit log.
    static var name: String { get }
    /// Whether a role may enter.
    static func admits(_ role: Role) -> Bool
}

/// Every signed-in page.
enum AnyoneSignedIn: RoleArea {
    static let name = "signed_in"
    static func admits(_ role: Role) -> Bool { true }
}

/// The staff area (`/staff`): coordinators and administrators.
enum StaffArea: RoleArea {
    static let name = "/staff"
    static func admits(_ role: Role) -> Bool { AccessPolicy.allows(role, .useStaffArea) }
}

/// The administration console (`/admin`): administrators.
enum AdministrationArea: RoleArea {
    static let name = "/admin"
    static func admits(_ role: Role) -> Bool { AccessPolicy.allows(role, .administer) }
}

/// The context of routes that require a signed-in user of `Area`: there, the user is never
/// missing, and always one the area admits.
struct SignedInAreaContext<Area: RoleArea>: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let peerAddress: String?
    let clientAddress: String
    let userAgent: String?
    let session: SessionHandle
    let identity: SignedInUser
    let form: FormData
    let csrfToken: String
    let language: Language
    let pagePath: String

    init(context: AppRequestContext) throws {
        guard let identity = context.identity else { throw SignInRequired() }
        guard Area.admits(identity.role) else { throw AreaRefused(area: Area.name) }
        self.coreContext = context.coreContext
        self.peerAddress = context.peerAddress
        self.clientAddress = context.clientAddress
        self.userAgent = context.userAgent
        self.session = context.session
        self.identity = identity
        self.form = context.form
        self.csrfToken = context.csrfToken
        self.language = context.language
        self.pagePath = context.pagePath
    }

    var maxUploadSize: Int { 256 * 1024 }
}

/// Any signed-in page.
typealias SignedInContext = SignedInAreaContext<AnyoneSignedIn>
/// A page of the staff area.
typealias StaffContext = SignedInAreaContext<StaffArea>
/// A page of the administration console.
typealias AdministratorContext = SignedInAreaContext<AdministrationArea>

/// A signed-in person asked for a page of an area that does not admit them: answered as a page
/// that does not exist, and audited (`AreaRefusalMiddleware`).
struct AreaRefused: Error {
    let area: String
}

/// Thrown when a signed-in page is asked for without a session; the error middleware sends the
/// person to the sign-in page.
struct SignInRequired: Error {}
