import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request: method, path (never the query string, which may carry a token),
/// status and duration, with the request's id, which the response carries in `X-Request-Id`
/// (and an error page shows, for the person to quote). No header, cookie or body is logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        if let id = RequestIdentity.of(context.logger) { response.headers[.xRequestID] = id }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "path": "\(request.uri.path)",
                "status": "\(response.status.code)",
                "ms": "\(String(format: "%.1f", milliseconds))",
            ])
        return response
    }
}

/// The id Hummingbird gives each request in its logger's metadata (`hb.request.id`).
enum RequestIdentity {
    static func of(_ logger: Logger) -> String? {
        logger[metadataKey: "hb.request.id"].map { "\($0)" }
    }

    /// The id in groups of four, easier to read out on the telephone.
    static func grouped(_ id: String) -> String {
        var groups: [Substring] = []
        var rest = id[...]
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }
}

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-Id")!
}
