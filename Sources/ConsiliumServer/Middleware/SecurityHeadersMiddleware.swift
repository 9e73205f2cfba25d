import HTTPTypes
import Hummingbird

/// Adds the security headers to every response, error pages included. It sits outermost, so it
/// also sees the responses that the error middleware made from thrown errors.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let useHSTS: Bool

    static var contentSecurityPolicy: String {
        [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
            "base-uri 'none'", "object-src 'none'",
        ].joined(separator: "; ")
    }

    /// Directives every response's policy carries, whatever else a handler chose.
    static var requiredDirectives: [String] { ["frame-ancestors 'none'", "base-uri 'none'"] }

    /// `policy` with each required directive added unless it names that directive already.
    static func completing(_ policy: String) -> String {
        let named = Set(policy.split(separator: ";").compactMap { $0.split(separator: " ").first.map(String.init) })
        let missing = requiredDirectives.filter { !named.contains(String($0.prefix { $0 != " " })) }
        return ([policy] + missing).joined(separator: "; ")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A handler may set a stricter policy of its own (downloads are sandboxed); every policy
        // still forbids framing and a <base> element.
        response.headers[.contentSecurityPolicy] =
            response.headers[.contentSecurityPolicy].map(Self.completing) ?? Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=(), payment=()"
        if useHSTS {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        if response.headers[.cacheControl] == nil {
            // Static assets may be cached; every generated page may hold personal data.
            let isAsset = request.uri.path.hasPrefix("/static/") && response.status == .ok
            response.headers[.cacheControl] = isAsset ? "public, max-age=3600" : "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    static let permissionsPolicy = Self("Permissions-Policy")!
    static let xCSRFToken = Self("X-CSRF-Token")!
}
