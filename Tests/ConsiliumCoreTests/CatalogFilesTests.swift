import Foundation
import Testing

@testable import ConsiliumCore

/// The service's own catalogs, `Resources/Messages/<tag>.ftl`, checked against each other.
@Suite("The service's catalogs")
struct CatalogFilesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/Messages")

    /// The English catalog, read once: what Core tests compare a rule's words against.
    static let english = try? catalog(.english)

    static func catalog(_ language: Language) throws -> MessageCatalog {
        let source = try String(contentsOf: directory.appendingPathComponent("\(language.tag).ftl"), encoding: .utf8)
        return try MessageCatalog(language: language, source: source)
    }

    @Test("every message is in every language")
    func sameKeys() throws {
        let english = try Self.catalog(.english)
        for language in Language.allCases where language != .english {
            let other = try Self.catalog(language)
            let missing = Set(english.messages.keys).subtracting(other.messages.keys).sorted()
            let extra = Set(other.messages.keys).subtracting(english.messages.keys).sorted()
            #expect(missing.isEmpty, "\(language.tag).ftl lacks \(missing)")
            #expect(extra.isEmpty, "\(language.tag).ftl has messages English lacks: \(extra)")
        }
    }

    @Test("a message takes the same placeholders in every language")
    func samePlaceholders() throws {
        let english = try Self.catalog(.english)
        for language in Language.allCases where language != .english {
            let other = try Self.catalog(language)
            for id in english.messages.keys.sorted() where other.messages[id] != nil {
                #expect(
                    english.variables(of: id) == other.variables(of: id),
                    "“\(id)” in \(language.tag): \(other.variables(of: id).sorted()) against English \(english.variables(of: id).sorted())")
            }
        }
    }

    @Test("every plural offers each of its language's CLDR categories, and every message formats")
    func pluralsAndFormatting() throws {
        for language in Language.allCases {
            let catalog = try Self.catalog(language)
            #expect(catalog.incompletePlurals().isEmpty, "\(language.tag): \(catalog.incompletePlurals())")
            for id in catalog.messages.keys.sorted() {
                let arguments = Dictionary(uniqueKeysWithValues: catalog.variables(of: id).map { ($0, MessageCatalog.Argument.number(2)) })
                let text = try catalog.format(id, arguments)
                #expect(!text.isEmpty && text == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(language.tag) “\(id)”")
            }
        }
    }

    @Test("the messages Core names by construction are in every catalog: file kinds, timeline reasons, request states")
    func constructedMessages() throws {
        var messages = FileKind.allCases.map(\.message) + TimelineReason.allCases.map(\.message)
        messages += ["Assigned to A", "Reassigned to A"].compactMap(TimelineReason.message(for:))
        for state in CaseState.allCases {
            for role in Role.allCases { messages.append(state.label(for: role)) }
        }
        for language in Language.allCases {
            let catalog = try Self.catalog(language)
            for message in messages { #expect(throws: Never.self, "\(language.tag) \(message.id)") { try catalog.format(message) } }
        }
        #expect(TimelineReason(rawValue: "Report signed")?.message.english == "Report signed")
        #expect(FileKind.dicom.message.english == "DICOM image")
        #expect(TimelineReason.message(for: "Reassigned to Helen Park")?.english == "Reassigned to Helen Park")
        #expect(TimelineReason.message(for: "Assigned to Helen Park")?.id == "timeline-reason-assigned")
        #expect(TimelineReason.message(for: "The patient asked us to wait") == nil)
    }

    @Test("a Spanish message is not the English one left untranslated")
    func translated() throws {
        let english = try Self.catalog(.english)
        let spanish = try Self.catalog(.spanish)
        // words that are the same in both languages
        let same: Set<String> = ["error-code", "error-prefix", "no"]
        // places most of whose names are the same in Spanish ("Alabama")
        for id in english.messages.keys.sorted() where !same.contains(id) && !id.hasPrefix("us-state-") {
            guard let value = spanish.messages[id] else { continue }
            #expect(value != english.messages[id], "“\(id)” in es.ftl is the English text")
        }
    }
}

extension Message {
    /// The message as the English catalog words it, so a test reads what a person would; a
    /// message the catalog lacks reads as its id, and fails the comparison.
    var english: String {
        (try? CatalogFilesTests.english?.format(self)) ?? "missing: \(id)"
    }
}
