/// A text input as the shared `forms/text` partial draws it: label, hint, what was typed and
/// the error beside it, linked by `aria-describedby`.
struct TextInput: Sendable {
    let name: String
    let label: String
    let value: String
    let type: String
    let autocomplete: String
    let hasHint: Bool
    let hint: String
    let hasError: Bool
    let error: String
    let widthClass: String
    let describedBy: String
    let hasDescribedBy: Bool

    init(
        _ name: String, label: String, value: String = "", type: String = "text", autocomplete: String = "off", hint: String? = nil,
        error: String? = nil, width: String = ""
    ) {
        self.name = name
        self.label = label
        self.value = value
        self.type = type
        self.autocomplete = autocomplete
        self.hasHint = hint != nil
        self.hint = hint ?? ""
        self.hasError = error != nil
        self.error = error ?? ""
        self.widthClass = width
        self.describedBy = [hint != nil ? "\(name)-hint" : nil, error != nil ? "\(name)-error" : nil].compactMap { $0 }
            .joined(separator: " ")
        self.hasDescribedBy = !describedBy.isEmpty
    }
}

/// One choice of a radio group or select list.
struct Option: Sendable {
    let value: String
    let label: String
    let selected: Bool
    let id: String
}

/// A radio group or select list with its legend or label, its error and its options (a select
/// list's as HTML made by `RenderedFragment`, kept for the fixed lists of `OptionList`).
struct ChoiceInput: Sendable {
    let name: String
    let label: String
    let hasError: Bool
    let error: String
    let options: [Option]
    let optionsHTML: RenderedFragment
    let hasHint: Bool
    let hint: String
    /// The element the error summary links to: the first radio, or the select itself.
    let anchor: String

    init(
        _ name: String, label: String, choices: [(String, String)], selected: String, error: String? = nil, hint: String? = nil, radio: Bool
    ) {
        self.name = name
        self.label = label
        self.hasError = error != nil
        self.error = error ?? ""
        self.hasHint = hint != nil
        self.hint = hint ?? ""
        self.options = radio ? choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selected, id: "\(name)-\($0.0)") } : []
        self.optionsHTML = radio ? .empty : .options(choices.map { (value: $0.0, label: $0.1) }, selected: selected)
        self.anchor = radio ? (options.first?.id ?? name) : name
    }

    /// A select list of fixed choices, its options' HTML kept for each selection.
    init(_ name: String, label: String, list: OptionList, selected: String, error: String? = nil, hint: String? = nil) {
        self.name = name
        self.label = label
        self.hasError = error != nil
        self.error = error ?? ""
        self.hasHint = hint != nil
        self.hint = hint ?? ""
        self.options = []
        self.optionsHTML = list.fragment(selected: selected)
        self.anchor = name
    }
}

/// The error summary built from the inputs of a form, in their order on the page.
/// A field written out by hand in a template (where several forms share a page and ids must
/// differ): what was typed into it and what was wrong with it.
struct TypedField: Sendable {
    let value: String
    let hasError: Bool
    let error: String

    static let blank = TypedField(value: "", error: nil)

    init(value: String, error: String?) {
        self.value = value
        hasError = error != nil
        self.error = error ?? ""
    }

    /// The field with id `anchor`, when the page came back with `error` belonging to `errorField`.
    init(_ anchor: String, errorField: String?, error: String?, value: String = "") {
        self.init(value: errorField == anchor ? value : "", error: errorField == anchor ? error : nil)
    }
}

struct FormErrors: Sendable {
    let hasErrors: Bool
    let items: [ErrorSummary.Item]

    init(_ entries: [(anchor: String, error: String?)]) {
        items = entries.compactMap { entry in entry.error.map { ErrorSummary.Item(field: entry.anchor, message: $0) } }
        hasErrors = !items.isEmpty
    }
}

/// The "Step N of 4" indicator.
struct WizardProgress: Sendable {
    /// One step in the indicator.
    struct Item: Sendable {
        let number: Int
        let title: String
        let isCurrent: Bool
        let isDone: Bool
    }

    let number: Int
    let total: Int
    let title: String
    let items: [Item]

    init(_ step: RegistrationStep, steps: [RegistrationStep] = RegistrationStep.allCases, wording: Wording) {
        number = steps.firstIndex(of: step).map { $0 + 1 } ?? step.rawValue
        total = steps.count
        title = wording(step.title)
        items = steps.enumerated().map { index, each in
            Item(number: index + 1, title: wording(each.title), isCurrent: each == step, isDone: each < step)
        }
    }

    /// A step's page title ("Step 1 of 4: Personal information"); `message` names another
    /// wording of it ("Add a patient: step 1 of 2").
    static func pageTitle(
        _ step: RegistrationStep, steps: [RegistrationStep] = RegistrationStep.allCases, wording: Wording,
        message: String = "wizard-page-title"
    ) -> String {
        let number = steps.firstIndex(of: step).map { $0 + 1 } ?? step.rawValue
        return wording(message, ["number": .number(number), "total": .number(steps.count), "step": .text(wording(step.title))])
    }
}
