/// One form field as a template shows it: what was typed and, when it failed, why.
/// The error is linked from the summary at the top and described by `aria-describedby`.
struct FieldView: Sendable {
    let name: String
    let value: String
    let hasError: Bool
    let error: String

    init(_ name: String, value: String = "", error: String? = nil) {
        self.name = name
        self.value = value
        self.hasError = error != nil
        self.error = error ?? ""
    }
}

/// The error summary at the top of a form that failed: one link per field in error.
struct ErrorSummary: Sendable {
    /// One line of the summary.
    struct Item: Sendable {
        let field: String
        let message: String
    }

    let hasErrors: Bool
    let items: [Item]

    init(_ fields: [FieldView], extra: [Item] = []) {
        items = extra + fields.filter(\.hasError).map { Item(field: $0.name, message: $0.error) }
        hasErrors = !items.isEmpty
    }
}
