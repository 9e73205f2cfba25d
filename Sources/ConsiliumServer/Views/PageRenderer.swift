import ConsiliumCore
import Foundation
import Hummingbird
import Mustache

/// Renders Mustache templates from `Resources/Templates` into HTML responses, filling the
/// layout's part of every page (institution, signed-in user, CSRF token, notice).
struct PageRenderer: Sendable {
    /// The templates, made once per language (see `LocalizedTemplates`).
    let libraries: [Language: MustacheLibrary]
    let messages: Messages
    let site: SiteContext
    /// Names templates asked for that no context had.
    let unresolved: UnresolvedTemplateKeys
    /// Pages kept for visitors without a session (see `renderKept`).
    let kept = KeptPages()

    /// The catalogs are read from `Messages` beside `templatesDirectory`.
    init(templatesDirectory: String, site: SiteContext, unresolved: UnresolvedTemplateKeys = UnresolvedTemplateKeys()) async throws {
        let messages = try Messages(
            directory: ((templatesDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Messages"))
        self.messages = messages
        self.libraries = try LocalizedTemplates.libraries(directory: templatesDirectory, messages: messages)
        self.site = site
        self.unresolved = unresolved
    }

    /// The page `template` with `content` as its context, inside the layout.
    func render<Content: Sendable>(
        _ template: String, title: String, content: Content, layout: LayoutContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let html = try html(template, title: title, content: content, layout: layout)
        return Self.response(ByteBuffer(string: html), status: status)
    }

    /// The HTML of the page `template`.
    func html<Content: Sendable>(_ template: String, title: String, content: Content, layout: LayoutContext) throws -> String {
        let page = Page(title: title, layout: layout, content: content, template: template, unresolved: unresolved)
        guard let html = libraries[layout.language]?.render(page, withTemplate: template) else {
            throw TemplateMissing(name: template)
        }
        return html
    }

    /// A fragment in `language`, which may not be the page's: a letter for a reader of another
    /// language. The fragment sees only `content`.
    func fragment<Content: Sendable>(_ template: String, content: Content, in language: Language) throws -> RenderedFragment {
        guard let library = libraries[language], let fragment = RenderedFragment.rendered(template, content: content, library: library)
        else { throw TemplateMissing(name: template) }
        return fragment
    }

    /// The message `id` of the catalogs, in `language`.
    func text(_ id: String, _ arguments: [String: MessageCatalog.Argument] = [:], in language: Language) -> String {
        messages.text(id, arguments, in: language)
    }

    /// An HTML response of already rendered bytes.
    static func response(_ html: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
    }

    /// What every template sees at the top: the page's title, the layout, and its own content.
    struct Page<Content>: Sendable where Content: Sendable {
        let title: String
        let layout: LayoutContext
        let content: Content
        /// The template being rendered and where to note names nothing resolved.
        let template: String
        let unresolved: UnresolvedTemplateKeys
    }
}

/// A template name that does not exist: a programming error, reported as a 500.
struct TemplateMissing: Error {
    let name: String
}
