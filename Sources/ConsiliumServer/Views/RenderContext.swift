import ConsiliumCore
import Hummingbird

/// What a page needs from the request to fill in its layout; both request contexts provide it.
protocol RenderContext {
    var session: SessionHandle { get }
    var layoutIdentity: SignedInUser? { get }
    var csrfToken: String { get }
    var language: Language { get }
    var pagePath: String { get }
}

extension RenderContext {
    /// The token for the page's forms. A visitor without a session gets one (and its cookie)
    /// only when the page has a form, so form-less pages stay cookie-free.
    func csrfToken(pageHasForm: Bool) -> String {
        if let token = session.state?.csrfToken { return token }
        return pageHasForm ? csrfToken : ""
    }
}

extension AppRequestContext: RenderContext {
    var layoutIdentity: SignedInUser? { identity }
}

extension SignedInAreaContext: RenderContext {
    var layoutIdentity: SignedInUser? { identity }
}

extension PageRenderer {
    /// Renders `template` for the request in `context`, showing (and consuming) its one-time notice.
    /// Pass `hasForm` for a page that posts a form.
    func render<Content: Sendable>(
        _ template: String, title: String, content: Content, context: some RenderContext,
        status: HTTPResponse.Status = .ok, hasForm: Bool = false
    ) throws -> Response {
        let layout = LayoutContext(
            site: site, identity: context.layoutIdentity, csrfToken: context.csrfToken(pageHasForm: hasForm),
            notice: context.session.state?.notice == nil ? nil : context.session.takeNotice(), language: context.language,
            pagePath: context.pagePath,
            roleName: context.layoutIdentity.map {
                Wording(messages: messages, language: context.language).role($0.role)
            })
        return try render(template, title: title, content: content, layout: layout, status: status)
    }
}

/// A page with nothing of its own to show.
struct EmptyContent: Sendable {}
