/// Words for a person, named rather than written: the id of a message in the catalogs
/// (`Resources/Messages/<tag>.ftl`) with the values of its placeholders. Core decides *what*
/// to say (a rule's failure, a label); the server says it in the reader's language. Several
/// messages can stand together as one (`joined`), as a password's several failures do.
public struct Message: Hashable, Sendable {
    /// One message of the catalogs and its placeholders' values.
    public struct Part: Hashable, Sendable {
        public let id: String
        public let arguments: [String: MessageCatalog.Argument]
    }

    public let parts: [Part]

    public init(_ id: String, _ arguments: [String: MessageCatalog.Argument] = [:]) {
        parts = [Part(id: id, arguments: arguments)]
    }

    private init(parts: [Part]) { self.parts = parts }

    /// The messages one after the other, as sentences of one text.
    public static func joined(_ messages: [Message]) -> Message {
        Message(parts: messages.flatMap(\.parts))
    }

    /// The first message's id: what a test or a log names.
    public var id: String { parts.first?.id ?? "" }
}

extension MessageCatalog {
    /// `message` in this catalog's language; joined messages are separated by a space.
    public func format(_ message: Message) throws -> String {
        try message.parts.map { try format($0.id, $0.arguments) }.joined(separator: " ")
    }
}
