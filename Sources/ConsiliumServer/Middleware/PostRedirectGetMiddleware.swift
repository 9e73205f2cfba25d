import Foundation
import HTTPTypes
import Hummingbird

/// Post/redirect/get for forms a browser submits: whatever page answers a form (the form again
/// with its errors, a confirmation step), the browser is sent back to the page the form came
/// from, which shows that answer once. The post never becomes a history entry, so Back after a
/// corrected error, or after a confirmed action, never posts again.
///
/// Only top-level navigations are redirected (`Sec-Fetch-Dest: document`, which browsers send
/// and scripts' requests do not), to a same-origin `Referer` (the `Referrer-Policy` is
/// same-origin). A redirect or a file the post answers with passes through untouched, and so
/// does every request from a client that is not a browser.
struct PostRedirectGetMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The service's origin, to read a `Referer` as one of our pages.
    let origin: String
    /// A page larger than this is answered directly rather than kept in the session.
    static let maximumKeptBytes = 512 * 1024
    /// How long a kept page waits for the browser to follow the redirect.
    static let keptFor: TimeInterval = 60

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get, let kept = context.session.state?.returnedPage, kept.path == request.uri.path {
            context.session.update { $0.returnedPage = nil }
            // kept for the redirect that follows at once; a page left behind is not shown later
            guard Date().timeIntervalSince(kept.keptAt) < Self.keptFor else { return try await next(request, context) }
            return Response(
                status: HTTPResponse.Status(code: kept.status),
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: kept.html)))
        }
        let response = try await next(request, context)
        guard request.method == .post, request.headers[Self.secFetchDest] == "document",
            !(300..<400).contains(response.status.code),
            response.headers[.contentType]?.hasPrefix("text/html") == true, response.headers[.contentDisposition] == nil,
            let back = backPath(request)
        else { return response }
        let collected = CollectedBody()
        try await response.body.write(collected)
        guard collected.box.buffer.readableBytes <= Self.maximumKeptBytes else { return response }
        let html = String(buffer: collected.box.buffer)
        context.session.update {
            $0.returnedPage = SessionState.ReturnedPage(path: back.path, status: response.status.code, html: html, keptAt: Date())
        }
        var headers = response.headers
        headers[.contentType] = nil
        headers[.contentLength] = nil
        headers[.location] = back.pathAndQuery
        return Response(status: .seeOther, headers: headers)
    }

    /// The page the form was on, from the `Referer`, when it is one of ours.
    private func backPath(_ request: Request) -> (path: String, pathAndQuery: String)? {
        guard let referer = request.headers[.referer], referer.hasPrefix(origin + "/"),
            let url = URLComponents(string: referer), !url.path.isEmpty
        else { return nil }
        return (url.path, url.path + (url.percentEncodedQuery.map { "?" + $0 } ?? ""))
    }

    static let secFetchDest = HTTPField.Name("Sec-Fetch-Dest")!

    /// A response body written into one buffer (the writer is consumed; the box outlives it).
    private struct CollectedBody: ResponseBodyWriter {
        final class Box {
            var buffer = ByteBuffer()
        }
        let box = Box()
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            box.buffer.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
