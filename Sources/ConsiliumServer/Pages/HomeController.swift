import Hummingbird
import NIOConcurrencyHelpers

/// The public pages that explain the service. They touch no database, and for a visitor who is
/// not signed in the page is the same every time, so it is rendered once and kept until an
/// administrator changes the turnaround it promises.
struct HomeController: Sendable {
    let renderer: PageRenderer
    let settings: SettingsStore
    /// The home page as every anonymous visitor sees it, and the turnaround it was rendered with.
    private let cache = NIOLockedValueBox<(turnaroundDays: Int, page: ByteBuffer)?>(nil)

    /// What the home page shows beyond the layout.
    struct Content: Sendable {
        let turnaroundDays: Int
    }

    static let title = "A second opinion from our specialists"

    init(renderer: PageRenderer, settings: SettingsStore) {
        self.renderer = renderer
        self.settings = settings
    }

    func home(_ request: Request, context: AppRequestContext) throws -> Response {
        let content = Content(turnaroundDays: settings.current.turnaroundDays)
        guard context.session.state == nil else {
            return try renderer.render("pages/home", title: Self.title, content: content, context: context)
        }
        if let cached = cache.withLockedValue({ $0 }), cached.turnaroundDays == content.turnaroundDays {
            return PageRenderer.response(cached.page)
        }
        let layout = LayoutContext(site: renderer.site, identity: nil, csrfToken: "", notice: nil)
        let page = ByteBuffer(string: try renderer.html("pages/home", title: Self.title, content: content, layout: layout))
        cache.withLockedValue { $0 = (content.turnaroundDays, page) }
        return PageRenderer.response(page)
    }
}
