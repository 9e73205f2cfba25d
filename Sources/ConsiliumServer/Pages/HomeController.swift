import Hummingbird

/// The public pages that explain the service. They touch no database, and for a visitor who is
/// not signed in the page is the same every time, so it is rendered once, at start.
struct HomeController: Sendable {
    let renderer: PageRenderer
    /// The home page as every anonymous visitor sees it.
    let anonymousHome: ByteBuffer

    /// What the home page shows beyond the layout.
    struct Content: Sendable {
        let turnaroundDays: Int
    }

    static let title = "A second opinion from our specialists"

    init(renderer: PageRenderer, turnaroundDays: Int = 7) throws {
        self.renderer = renderer
        self.content = Content(turnaroundDays: turnaroundDays)
        let layout = LayoutContext(site: renderer.site, identity: nil, csrfToken: "", notice: nil)
        self.anonymousHome = ByteBuffer(string: try renderer.html("pages/home", title: Self.title, content: content, layout: layout))
    }

    private let content: Content

    func home(_ request: Request, context: AppRequestContext) throws -> Response {
        guard context.session.state != nil else {
            return PageRenderer.response(anonymousHome)
        }
        return try renderer.render("pages/home", title: Self.title, content: content, context: context)
    }
}
