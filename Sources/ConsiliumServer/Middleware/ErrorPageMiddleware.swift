import AsyncKit
import Hummingbird
import Logging
import SQLiteNIO

/// Turns every thrown error into a page in the site's layout (or a JSON body under `/api`),
/// with no stack trace and no internal detail outside development. Unexpected errors are
/// logged at error level by type only: their messages may hold personal data.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer
    let showDetails: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is SignInRequired {
            return .redirect(to: SignInRequired.location(returningTo: request, expired: context.session.expired), type: .normal)
        } catch is EmailNotVerified {
            let notice = renderer.messages.text("email-not-verified-notice", in: context.language)
            context.session.update { $0.notice = notice }
            return .redirect(to: "/account", type: .normal)
        } catch let error as RateLimited {
            var response = page(for: .tooManyRequests, message: nil, request: request, context: context)
            response.headers[.retryAfter] = "\(error.retryAfter)"
            return response
        } catch let error as CSRFRejected {
            context.logger.notice("Refused a form without a valid token", metadata: ["reason": "\(error.reason)"])
            return page(for: .forbidden, message: nil, request: request, context: context)
        } catch  where Self.isOverload(error) {
            // Every connection is busy: the service is overloaded, not broken. Say when to try again.
            ServiceMetrics.databaseOverloads.increment()
            context.logger.warning("Refused a request: no database connection was free in time", metadata: ["path": "\(request.uri.path)"])
            var response = page(for: .serviceUnavailable, message: nil, request: request, context: context)
            response.headers[.retryAfter] = "\(Self.overloadRetryAfter)"
            return response
        } catch let refusal as Refusal {
            return page(
                for: refusal.status, message: renderer.messages.text(refusal.message, in: context.language), request: request,
                context: context)
        } catch let error as any HTTPResponseError {
            let message = (error as? HTTPError)?.body
            return page(for: error.status, message: message, request: request, context: context)
        } catch {
            context.logger.error(
                "Unhandled error", metadata: ["error": "\(String(reflecting: type(of: error)))", "path": "\(request.uri.path)"])
            return page(for: .internalServerError, message: showDetails ? "\(error)" : nil, request: request, context: context)
        }
    }

    /// Seconds an overloaded client is asked to wait.
    static let overloadRetryAfter = 2

    /// Whether `error` says the database had no connection (or lock) free in time.
    static func isOverload(_ error: any Error) -> Bool {
        if error is ConnectionPoolTimeoutError { return true }
        if let sqlite = error as? SQLiteError {
            return [.busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot].contains(sqlite.reason)
        }
        return false
    }

    private func page(for status: HTTPResponse.Status, message: String?, request: Request, context: Context) -> Response {
        let id = RequestIdentity.of(context.logger)
        let content = ErrorContent(status: status, message: message, requestID: id, language: context.language, messages: renderer.messages)
        if request.uri.path.hasPrefix("/api/") {
            let json = #"{"error":{"status":\#(status.code),"message":"\#(content.jsonEscapedMessage)","requestId":"\#(id ?? "")"}}"#
            return Response(
                status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        do {
            return try renderer.render("errors/error", title: content.heading, content: content, context: context, status: status)
        } catch {
            context.logger.error("The error page itself failed to render")
            return Response(
                status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: content.heading)))
        }
    }
}

extension SignInRequired {
    /// The sign-in page, with a way back to the page that was asked for (a local path only).
    /// `expired` says the session timed out, so the sign-in page can say why the person must sign in again.
    static func location(returningTo request: Request, expired: Bool) -> String {
        let path = request.uri.path
        var query: [String] = []
        if request.method == .get, path.hasPrefix("/"), !path.hasPrefix("//") {
            query.append("next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        if expired { query.append("expired=1") }
        return query.isEmpty ? "/signin" : "/signin?" + query.joined(separator: "&")
    }
}
