import Hummingbird
import Logging

/// Serves `Public/` under `/static/` before any session or database work; other paths pass on.
/// Hummingbird's `FileMiddleware` serves files only after the rest of the chain has answered
/// 404, which would run every asset request through the session middleware first.
struct StaticFilesMiddleware<Context: RequestContext>: RouterMiddleware {
    static var prefix: String { "/static/" }
    let files: FileMiddleware<Context, LocalFileSystem>

    init(publicDirectory: String, logger: Logger) {
        files = FileMiddleware(publicDirectory, urlBasePath: "/static", searchForIndexHtml: false, logger: logger)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.prefix) else { return try await next(request, context) }
        return try await files.handle(request, context: context) { _, _ in throw HTTPError(.notFound) }
    }
}
