import Hummingbird

/// The public pages that explain the service. They touch no database, so they stay fast.
struct HomeController: Sendable {
    let renderer: PageRenderer

    /// What the home page shows beyond the layout.
    struct Content: Sendable {
        let turnaroundDays: Int
    }

    func home(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.render(
            "pages/home", title: "A second opinion from our specialists", content: Content(turnaroundDays: 7), context: context)
    }
}
