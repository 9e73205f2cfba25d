import ConsiliumCore
import Foundation
import Hummingbird

/// Refuses any state-changing request that does not come from one of our own pages: the
/// `Origin` (or `Referer`) must be ours when sent, and the request must echo the CSRF token,
/// as the `_csrf` form field or the `X-CSRF-Token` header. Signed-in and anonymous sessions
/// keep the token server-side; a visitor without one gets a token in its own cookie
/// (double-submit), so anonymous pages like the home page stay free of database work.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let origin: String
    let cookieName: String
    let secureCookie: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let cookieToken = request.cookies[cookieName].map(\.value).flatMap { $0.count >= 32 ? $0 : nil }
        context.anonymousCSRF = AnonymousCSRF(fromCookie: cookieToken)
        if context.session.state == nil { context.session.adoptAnonymousCSRFToken(cookieToken) }

        if ![.get, .head, .options].contains(request.method) {
            try checkOrigin(request)
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            var sent = request.headers[.xCSRFToken]
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                let body = try await request.collectBody(upTo: context.maxUploadSize)
                context.form = FormData(urlEncoded: String(buffer: body))
                sent = sent ?? context.form["_csrf"]
            }
            // A multipart upload carries its token as the first part; the upload reader checks it
            // before it stores anything. Only the upload route is trusted to do so.
            if sent == nil, contentType.hasPrefix("multipart/form-data"), Self.checksMultipartToken(request.uri.path) {
                return try await next(request, context)
            }
            let expected = context.session.state?.csrfToken ?? cookieToken
            guard let expected, let sent, SecureToken.constantTimeEquals(expected, sent) else {
                throw CSRFRejected(reason: sent == nil ? "missing token" : "token mismatch")
            }
        }

        var response = try await next(request, context)
        if let token = context.anonymousCSRF.newToken, context.session.state == nil {
            response.headers[values: .setCookie].append(
                Cookie(name: cookieName, value: token, path: "/", secure: secureCookie, httpOnly: true, sameSite: .lax).description)
        }
        return response
    }

    /// The routes whose handlers verify the `_csrf` part of a multipart body themselves.
    static func checksMultipartToken(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0].isEmpty && parts[1] == "cases" && parts[3] == "records"
    }

    private func checkOrigin(_ request: Request) throws {
        if let sentOrigin = request.headers[.origin] {
            guard sentOrigin == origin else { throw CSRFRejected(reason: "foreign origin") }
        } else if let referer = request.headers[.referer] {
            guard referer == origin || referer.hasPrefix(origin + "/") else { throw CSRFRejected(reason: "foreign referer") }
        }
    }
}

/// A state-changing request that did not prove it came from our own page.
struct CSRFRejected: Error {
    let reason: String
}
