import Hummingbird

/// The step between a consequential action and its doing: what will happen, in words, and a
/// button that does it. Works without JavaScript: the form posts again with `confirmed=yes` and
/// the same fields, so the handler decides with exactly what the person saw.
struct ConfirmationPage: Sendable {
    /// A hidden field carried to the confirmed post.
    struct Field: Sendable {
        let name: String
        let value: String
    }

    /// A line of what is about to be done, shown before the button.
    struct Detail: Sendable {
        let label: String
        let value: String
    }

    let heading: String
    let consequences: [String]
    let details: [Detail]
    let hasDetails: Bool
    let action: String
    let fields: [Field]
    let confirmLabel: String
    let cancelURL: String
    /// The cancel link's words; nil says "Go back" in the reader's language.
    let cancelWords: String?
    /// Irreversible or refusing actions are styled as warnings.
    let isWarning: Bool

    init(
        heading: String, consequences: [String], details: [(String, String)] = [], action: String, fields: [(String, String)],
        confirmLabel: String, cancelURL: String, cancelLabel: String? = nil, isWarning: Bool
    ) {
        self.heading = heading
        self.consequences = consequences
        self.details = details.map { Detail(label: $0.0, value: $0.1) }
        self.hasDetails = !details.isEmpty
        self.action = action
        self.fields = fields.map { Field(name: $0.0, value: $0.1) }
        self.confirmLabel = confirmLabel
        self.cancelURL = cancelURL
        self.cancelWords = cancelLabel
        self.isWarning = isWarning
    }

    /// Whether the post being handled is the confirmed one.
    static func isConfirmed(_ form: FormData) -> Bool { form["confirmed"] == "yes" }
}

extension ConfirmationPage {
    /// The page as the template sees it, its cancel link worded.
    struct Content: Sendable {
        let page: ConfirmationPage
        let cancelLabel: String
    }
}

extension PageRenderer {
    /// The confirmation step `page`, titled by its question.
    func confirm(_ page: ConfirmationPage, context: some RenderContext) throws -> Response {
        let content = ConfirmationPage.Content(page: page, cancelLabel: page.cancelWords ?? wording(context)("confirm-go-back"))
        return try render("confirm", title: page.heading, content: content, context: context, hasForm: true)
    }
}
