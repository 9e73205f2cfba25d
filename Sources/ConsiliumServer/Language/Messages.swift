import ConsiliumCore
import Foundation
import Logging

/// Every language's catalog (`Resources/Messages/<tag>.ftl`), loaded once at start: what the
/// service says, in the words of the reader's language.
struct Messages: Sendable {
    let catalogs: [Language: MessageCatalog]
    private let logger = Logger(label: "consilium.messages")

    /// Loads `<tag>.ftl` for every language from `directory`; a file missing or mistaken stops
    /// the start with the file and line.
    init(directory: String) throws {
        var catalogs: [Language: MessageCatalog] = [:]
        for language in Language.allCases {
            let path = (directory as NSString).appendingPathComponent("\(language.tag).ftl")
            let source = try String(contentsOfFile: path, encoding: .utf8)
            do {
                catalogs[language] = try MessageCatalog(language: language, source: source)
            } catch let error as MessageCatalog.SyntaxError {
                throw CatalogFileError(path: path, error: error)
            }
        }
        self.catalogs = catalogs
    }

    /// The message `id` in `language`. The tests keep every language's catalog complete; should
    /// one still lack a message, the English one is shown (and logged) rather than nothing.
    func text(_ id: String, _ arguments: [String: MessageCatalog.Argument] = [:], in language: Language) -> String {
        do {
            return try catalog(language).format(id, arguments)
        } catch {
            logger.error("message missing", metadata: ["id": "\(id)", "language": "\(language.tag)", "error": "\(error)"])
            return (try? catalog(.english).format(id, arguments)) ?? id
        }
    }

    /// `message` in `language`, with the same fallback as `text(_:_:in:)`.
    func text(_ message: Message, in language: Language) -> String {
        message.parts.map { text($0.id, $0.arguments, in: language) }.joined(separator: " ")
    }

    /// `message` in English: what staff pages and logs show.
    func english(_ message: Message) -> String { text(message, in: .english) }

    func catalog(_ language: Language) -> MessageCatalog {
        catalogs[language] ?? catalogs[.english]!
    }

    struct CatalogFileError: Error, CustomStringConvertible {
        let path: String
        let error: MessageCatalog.SyntaxError
        var description: String { "\(path), \(error)" }
    }
}
