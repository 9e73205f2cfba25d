import Foundation
import Testing

@testable import ConsiliumCore

@Suite("Message catalogs")
struct MessageCatalogTests {
    static let english = """
        # comments and blank lines are skipped

        title = Sign in
        welcome = Welcome back, { $name }.
        records = { $count ->
            [0] No records yet
            [one] One record received
           *[other] { $count } records received
        }
        long =
            A value may continue
            on indented lines.

            Even after a blank one.
        brace = Write { "{" } and { "}" } like this.
        with-reference = { title } to go on.
        """

    static let spanish = """
        title = Iniciar sesión
        welcome = Hola de nuevo, { $name }.
        records = { $count ->
            [0] Todavía no hay documentos
            [one] Se recibió un documento
            [many] Se recibieron { $count } de documentos
           *[other] Se recibieron { $count } documentos
        }
        """

    @Test("plain messages, named placeholders and messages inside messages")
    func plain() throws {
        let catalog = try MessageCatalog(language: .english, source: Self.english)
        #expect(try catalog.format("title") == "Sign in")
        #expect(try catalog.format("welcome", ["name": "Margaret"]) == "Welcome back, Margaret.")
        #expect(try catalog.format("long") == "A value may continue\non indented lines.\n\nEven after a blank one.")
        #expect(try catalog.format("brace") == "Write { and } like this.")
        #expect(try catalog.format("with-reference") == "Sign in to go on.")
    }

    @Test("English plurals: exact numbers first, then one and other, numbers grouped")
    func englishPlurals() throws {
        let catalog = try MessageCatalog(language: .english, source: Self.english)
        #expect(try catalog.format("records", ["count": 0]) == "No records yet")
        #expect(try catalog.format("records", ["count": 1]) == "One record received")
        #expect(try catalog.format("records", ["count": 2]) == "2 records received")
        #expect(try catalog.format("records", ["count": 1_500]) == "1,500 records received")
        #expect(catalog.incompletePlurals().isEmpty)
    }

    @Test("Spanish plurals: one, many for whole millions, other")
    func spanishPlurals() throws {
        let catalog = try MessageCatalog(language: .spanish, source: Self.spanish)
        #expect(try catalog.format("records", ["count": 1]) == "Se recibió un documento")
        #expect(try catalog.format("records", ["count": 3]) == "Se recibieron 3 documentos")
        #expect(try catalog.format("records", ["count": 1_000_000]) == "Se recibieron 1,000,000 de documentos")
        #expect(try catalog.format("records", ["count": 1_000_001]) == "Se recibieron 1,000,001 documentos")
        #expect(catalog.incompletePlurals().isEmpty)
        // the English file's selection lacks Spanish's "many": a Spanish catalog written like it is caught
        let copied = try MessageCatalog(language: .spanish, source: Self.english)
        #expect(copied.incompletePlurals() == ["records: missing many"])
    }

    @Test("what a message needs is known without formatting it")
    func variables() throws {
        let catalog = try MessageCatalog(language: .english, source: Self.english)
        #expect(catalog.variables(of: "welcome") == ["name"])
        #expect(catalog.variables(of: "records") == ["count"])
        #expect(catalog.variables(of: "with-reference").isEmpty)
        #expect(catalog.variables(of: "title").isEmpty)
    }

    @Test("a missing message or argument is an error, never an empty string")
    func missing() throws {
        let catalog = try MessageCatalog(language: .english, source: Self.english)
        #expect(throws: MessageCatalog.MissingText.self) { try catalog.format("nothing") }
        #expect(throws: MessageCatalog.MissingText.self) { try catalog.format("welcome") }
    }

    @Test("mistakes in a file are reported with their line")
    func syntax() {
        func error(_ source: String) -> String? {
            do {
                _ = try MessageCatalog(language: .english, source: source)
                return nil
            } catch {
                return String(describing: error)
            }
        }
        #expect(error("ok = fine\nnot a message") == "line 2: expected “identifier = value”")
        #expect(error("a = one\na = two")?.contains("defined twice") == true)
        #expect(error("a = { $n ->\n    [one] x\n    [other] y\n    }")?.contains("default variant") == true)
        #expect(error("a = an open { brace")?.contains("never closed") == true)
        #expect(error("a = a stray } brace")?.contains("no “{”") == true)
        #expect(error("1a = digits first")?.contains("not a message identifier") == true)
    }
}

@Suite("Plural rules (CLDR)")
struct PluralRulesTests {
    @Test("English: one for exactly 1 without decimals, else other")
    func english() {
        #expect(PluralRules.category(of: 1, in: .english) == .one)
        for number in [0, 2, 11, 21, 101, 1_000_000] { #expect(PluralRules.category(of: number, in: .english) == .other) }
        #expect(PluralRules.category(of: 1.0, fractionDigits: 1, in: .english) == .other)  // "1.0 days"
    }

    @Test("Spanish: one for 1, many for whole millions, other for the rest")
    func spanish() {
        #expect(PluralRules.category(of: 1, in: .spanish) == .one)
        #expect(PluralRules.category(of: 1.0, fractionDigits: 1, in: .spanish) == .one)  // n = 1
        for number in [0, 2, 5, 21, 100, 999_999, 1_000_001] { #expect(PluralRules.category(of: number, in: .spanish) == .other) }
        for number in [1_000_000, 2_000_000, 5_000_000] { #expect(PluralRules.category(of: number, in: .spanish) == .many) }
        #expect(PluralRules.category(of: 1_000_000, fractionDigits: 1, in: .spanish) == .other)
    }
}

@Suite("Languages")
struct LanguageTests {
    @Test("Accept-Language: the highest weight the service speaks, regional tags included")
    func negotiation() {
        #expect(Language.preferred(byAcceptLanguage: "es-MX,es;q=0.9,en;q=0.8") == .spanish)
        #expect(Language.preferred(byAcceptLanguage: "en-US,en;q=0.9,es;q=0.8") == .english)
        #expect(Language.preferred(byAcceptLanguage: "fr-FR, es;q=0.5, en;q=0.4") == .spanish)
        #expect(Language.preferred(byAcceptLanguage: "en;q=0.2, ES;q=0.7") == .spanish)
        #expect(Language.preferred(byAcceptLanguage: "es;q=0, en") == .english)
        #expect(Language.preferred(byAcceptLanguage: "fr, de") == nil)
        #expect(Language.preferred(byAcceptLanguage: "") == nil)
        #expect(Language.preferred(byAcceptLanguage: "*") == nil)
    }

    @Test("each language is named in itself")
    func names() {
        #expect(Language.english.nativeName == "English")
        #expect(Language.spanish.nativeName == "Español")
        #expect(Language(tag: "es-419") == .spanish)
        #expect(Language(tag: "pt-BR") == nil)
    }
}
