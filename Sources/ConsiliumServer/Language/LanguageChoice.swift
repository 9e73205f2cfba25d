import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// Which language a request is answered in: the one the person chose with the switch on every
/// page (kept in a cookie, so it holds before signing in and without a session), else the
/// first of the browser's `Accept-Language` the service speaks, else English.
enum LanguageChoice {
    static let cookieName = "consilium_language"

    static func language(of request: Request) -> Language {
        if let chosen = request.cookies[cookieName].flatMap({ Language(tag: $0.value) }) { return chosen }
        if let header = request.headers[.acceptLanguage], let preferred = Language.preferred(byAcceptLanguage: header) {
            return preferred
        }
        return .english
    }

    /// The cookie that keeps a choice for a year. Not secret, so readable by nothing but the
    /// server all the same (HttpOnly), and sent on top-level navigations only (Lax).
    static func cookie(_ language: Language, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: language.tag, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The switch's link to `language` that comes back to `path`.
    static func switchLink(to language: Language, returningTo path: String) -> String {
        var components = URLComponents()
        components.path = "/language/\(language.tag)"
        components.queryItems = [URLQueryItem(name: "return", value: path)]
        return components.percentEncodedPath + "?" + (components.percentEncodedQuery ?? "")
    }
}

/// Notes the request's language and where the language switch should come back to.
struct LanguageMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws
        -> Response
    {
        var context = context
        context.language = LanguageChoice.language(of: request)
        // the path alone: kept pages are kept per path, and a query must not make new ones
        // (the switch checks where it returns to anyway)
        context.pagePath = request.uri.path
        var response = try await next(request, context)
        response.headers[.contentLanguage] = context.language.tag
        return response
    }
}

/// `GET /language/{tag}?return=/path`: the switch. A link, not a form, so it works on every
/// page without a session or JavaScript. It sets the visitor's own cookie and, for a signed-in
/// person, their account's language, so mail and the next sign-in elsewhere follow it. (A link
/// on another site could change someone's language, and nothing else: the price of a switch
/// that needs no form.)
struct LanguageController: Sendable {
    let database: DatabaseService
    let secureCookie: Bool

    func choose(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let tag = context.parameters.get("tag"), let language = Language(tag: tag), tag == language.tag else {
            throw HTTPError(.notFound)
        }
        let back = request.uri.formQuery["return"].flatMap { ReturnPath($0) }?.value ?? "/"
        if let identity = context.identity {
            try await UserModel.query(on: database.db).filter(\.$id == identity.id.rawValue).set(\.$language, to: language.tag).update()
        }
        var response = Response.redirect(to: back, type: .normal)
        response.setCookie(LanguageChoice.cookie(language, secure: secureCookie))
        return response
    }
}
