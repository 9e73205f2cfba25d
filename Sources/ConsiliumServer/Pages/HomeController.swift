import ConsiliumCore
import Hummingbird
import NIOConcurrencyHelpers

/// The public pages that explain the service. They touch no database, and for a visitor who is
/// not signed in the page is the same every time, so it is rendered once and kept until an
/// administrator changes the turnaround it promises.
struct HomeController: Sendable {
    let renderer: PageRenderer
    let settings: SettingsStore
    /// The home page as every anonymous visitor sees it in each language, and the turnaround it
    /// was rendered with.
    private let cache = NIOLockedValueBox<[Language: (turnaroundDays: Int, page: ByteBuffer)]>([:])

    /// What the home page shows beyond the layout.
    struct Content: Sendable {
        /// The step that promises the turnaround, worded for its number of days.
        let reviewStep: String
    }

    init(renderer: PageRenderer, settings: SettingsStore) {
        self.renderer = renderer
        self.settings = settings
    }

    func home(_ request: Request, context: AppRequestContext) throws -> Response {
        let days = settings.current.turnaroundDays
        let language = context.language
        func content() -> Content {
            Content(reviewStep: renderer.text("home-step-review", ["days": .number(days)], in: language))
        }
        var title: String { renderer.text("home-title", in: language) }
        guard context.session.state == nil, context.pagePath == "/" else {
            return try renderer.render("pages/home", title: title, content: content(), context: context)
        }
        if let cached = cache.withLockedValue({ $0[language] }), cached.turnaroundDays == days {
            return PageRenderer.response(cached.page)
        }
        let layout = LayoutContext(site: renderer.site, identity: nil, csrfToken: "", notice: nil, language: language, pagePath: "/")
        let page = ByteBuffer(string: try renderer.html("pages/home", title: title, content: content(), layout: layout))
        cache.withLockedValue { $0[language] = (days, page) }
        return PageRenderer.response(page)
    }
}
