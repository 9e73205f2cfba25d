import ConsiliumCore
import Foundation
import Hummingbird
import Mustache

/// Renders Mustache templates from `Resources/Templates` into HTML responses, filling the
/// layout's part of every page (institution, signed-in user, CSRF token, notice).
struct PageRenderer: Sendable {
    /// The templates, made once per language (see `LocalizedTemplates`).
    let libraries: [Language: MustacheLibrary]
    /// The same, with a layout that is only the page's own part: what goes into a skeleton.
    let bodies: [Language: MustacheLibrary]
    /// The layout, rendered once (see `LayoutSkeleton`).
    let skeletons: LayoutSkeletons
    /// The templates that are whole pages.
    let pageNames: Set<String>
    /// Tests: render every page whole as well, and note in `unresolved` any that differs.
    let checksSkeletons: Bool
    let messages: Messages
    let site: SiteContext
    /// Names templates asked for that no context had.
    let unresolved: UnresolvedTemplateKeys
    /// Pages kept for visitors without a session (see `renderKept`).
    let kept = KeptPages()

    /// The catalogs are read from `Messages` beside `templatesDirectory`.
    init(
        templatesDirectory: String, site: SiteContext, unresolved: UnresolvedTemplateKeys = UnresolvedTemplateKeys(),
        checksSkeletons: Bool = false
    ) async throws {
        self.checksSkeletons = checksSkeletons
        let messages = try Messages(
            directory: ((templatesDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Messages"))
        self.messages = messages
        // The template files are read once, for both libraries and what is learnt from them.
        let sources = try LocalizedTemplates.sources(in: templatesDirectory)
        self.libraries = try LocalizedTemplates.libraries(sources: sources, messages: messages)
        self.bodies = try LocalizedTemplates.libraries(
            sources: sources, messages: messages, layout: LocalizedTemplates.mainLine(in: sources))
        self.pageNames = LocalizedTemplates.pageNames(in: sources)
        self.skeletons = try LayoutSkeletons(libraries: libraries, site: site)
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

    /// The HTML of the page `template`: its own part rendered by Mustache, put into the layout's skeleton.
    func html<Content: Sendable>(_ template: String, title: String, content: Content, layout: LayoutContext) throws -> String {
        let page = Page(title: title, layout: layout, content: content, template: template, unresolved: unresolved)
        guard pageNames.contains(template), let skeleton = skeletons.skeleton(for: layout) else {
            return try wholeHTML(page)
        }
        guard let library = bodies[layout.language], let main = FragmentSplicing.render({ library.render(page, withTemplate: template) })
        else { throw TemplateMissing(name: template) }
        let html = skeleton.page(
            .init(
                title: title, userName: layout.userName, roleName: layout.roleName, csrfToken: layout.csrfToken, notice: layout.notice,
                languageHrefs: layout.languageLinks.map(\.href)),
            main: main)
        if checksSkeletons {
            if try html != wholeHTML(page) {
                unresolved.note("the page put into the layout's skeleton differs from the page rendered whole", in: template)
            }
            if html.unicodeScalars.contains(where: { (0xE000...0xE011).contains($0.value) }) {
                unresolved.note("a skeleton's or a fragment's marker was left in the page", in: template)
            }
        }
        return html
    }

    /// The page rendered whole by Mustache, layout and all: what `html` must equal (the page tests compare them).
    func wholeHTML<Content: Sendable>(_ page: Page<Content>) throws -> String {
        guard let library = libraries[page.layout.language],
            let html = FragmentSplicing.render({ library.render(page, withTemplate: page.template) })
        else { throw TemplateMissing(name: page.template) }
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
