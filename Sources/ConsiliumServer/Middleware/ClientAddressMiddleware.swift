import Hummingbird

/// Decides, once per request, which address the request came from, and notes the browser's
/// name: the two parts of every audit event that come from the request itself.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustForwardedFor: Bool
    var trustedProxies: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = ClientAddress.of(
            request, peer: context.peerAddress, trustForwardedFor: trustForwardedFor, trustedProxies: trustedProxies)
        context.userAgent = request.headers[.userAgent]
        return try await next(request, context)
    }
}
