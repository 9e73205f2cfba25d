import ConsiliumCore

/// The catalogs in one reader's language: what a page builds its words with, so that a page
/// says `wording("registration-personal-heading")` and never holds a sentence of its own.
struct Wording: Sendable {
    let messages: Messages
    let language: Language

    func callAsFunction(_ id: String, _ arguments: [String: MessageCatalog.Argument] = [:]) -> String {
        messages.text(id, arguments, in: language)
    }

    func callAsFunction(_ message: Message) -> String {
        messages.text(message, in: language)
    }

    func callAsFunction(_ message: Message?) -> String? {
        message.map { messages.text($0, in: language) }
    }

    /// A role's name, as a person's own role is named to them ("Familiar").
    func role(_ role: Role) -> String {
        self("role-" + role.rawValue.replacingOccurrences(of: "_", with: "-"))
    }

    /// A country's name: English names from Debian's iso-codes, other languages' from CLDR.
    func country(_ code: String) -> String {
        language == .english
            ? (Country.name(for: code) ?? code) : (language.locale.localizedString(forRegionCode: code) ?? Country.name(for: code) ?? code)
    }

    /// Every message of `errors`, in this language.
    func callAsFunction<Key>(_ errors: [Key: Message]) -> [Key: String] {
        errors.mapValues { messages.text($0, in: language) }
    }
}

extension PageRenderer {
    /// The catalogs in the language of the request in `context`.
    func wording(_ context: some RenderContext) -> Wording {
        Wording(messages: messages, language: context.language)
    }
}
