import Foundation
import Hummingbird
import Synchronization

/// Pages that are the same for every visitor without a session except for the token in their
/// forms (the sign-in page, the first registration step, the terms, ...): each is rendered once
/// with a marker where the token goes, kept in pieces, and put together per request with that
/// visitor's token. Anyone with a session (a draft, a notice, a signed-in person) gets the page
/// rendered for them, so nothing kept ever holds one person's data.
final class KeptPages: Sendable {
    private let pages = Mutex<[String: [String]]>([:])
    /// Stands where the token goes; never in a real page (it holds a random part).
    let marker = "\u{1}token-" + UUID().uuidString + "\u{1}"

    func pieces(_ key: String, render: () throws -> String) rethrows -> [String] {
        if let kept = pages.withLock({ $0[key] }) { return kept }
        let made = try render().components(separatedBy: marker)
        pages.withLock { $0[key] = made }
        return made
    }
}

extension PageRenderer {
    /// `template` for `context`: kept under `key` (which must name everything the page shows
    /// that can change, such as a document's version; the language and the page's own address
    /// are added) when the visitor has no session, else rendered for them.
    func renderKept<Content: Sendable>(
        _ key: String, _ template: String, title: String, content: @autoclosure () -> Content, context: AppRequestContext,
        hasForm: Bool = false
    ) throws -> Response {
        guard context.session.state == nil, context.identity == nil, !context.session.expired else {
            return try render(template, title: title, content: content(), context: context, hasForm: hasForm)
        }
        let token = context.csrfToken(pageHasForm: hasForm)
        let pieces = try kept.pieces(key + "@" + context.language.tag + context.pagePath) {
            let layout = LayoutContext(
                site: site, identity: nil, csrfToken: hasForm ? kept.marker : "", notice: nil, language: context.language,
                pagePath: context.pagePath)
            return try html(template, title: title, content: content(), layout: layout)
        }
        return Self.response(ByteBuffer(string: pieces.joined(separator: HTML.escape(token))))
    }
}
