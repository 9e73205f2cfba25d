import Foundation
import Testing

@testable import ConsiliumServer

/// Words a person reads come from the catalogs (`Resources/Messages`), never from a template:
/// a template's own text, and the text of attributes a person meets (labels read aloud, tooltips,
/// placeholders, alternative text), must be markers or values.
@Suite("No visible words outside the catalogs")
struct VisibleTextTests {
    /// Templates whose words are still written in them, in English: the Spanish work of issue 14
    /// moves them into the catalogs one by one, and takes each off this list as it goes.
    /// Everything else is checked.
    static let notYetInCatalogs: Set<String> = [
        "accounts/change-password", "accounts/contact", "accounts/recovery-codes",
        "accounts/reset-password", "accounts/signin-code", "accounts/two-factor-enrol", "accounts/two-factor-status",
        "cases/access", "cases/invite", "cases/join", "cases/join-confirm", "cases/letter", "cases/new",
        "cases/show", "confirm", "pages/privacy", "pages/questions", "physicians/register", "records/list", "reports/report",
    ]

    /// Pages only staff use, in English by design (staff work in English; the issue allows it),
    /// and the development mailbox.
    static let staffOnly: Set<String> = [
        "admin/agreement", "admin/agreement-translation", "admin/audit", "admin/index", "admin/invite", "admin/settings", "admin/user",
        "admin/users", "development/mailbox", "development/message", "staff/cases", "staff/physicians",
    ]

    /// Words that are the same in every language: the name of each language in its own switch.
    static let allowed: Set<String> = []

    static func templates() throws -> [String: String] {
        let config = try TestApp.configuration()
        return try LocalizedTemplates.sources(in: config.resourcesDirectory + "/Resources/Templates")
    }

    /// The words left in `source` once Mustache tags, markup and entities are taken out.
    static func visibleWords(_ source: String) -> [String] {
        var text = source
        for pattern in [
            #"(?s)\{\{\{.*?\}\}\}"#, #"(?s)\{\{.*?\}\}"#, #"(?s)<!--.*?-->"#, #"(?s)<script\b.*?</script>"#, #"(?s)<style\b.*?</style>"#,
            #"<[^>]*>"#, #"&[#a-zA-Z0-9]+;"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { $0.contains(where: \.isLetter) }
    }

    /// Attribute values a person meets, with Mustache tags taken out, that still hold words.
    static func visibleAttributes(_ source: String) -> [String] {
        let pattern = #/\b(?:aria-label|title|alt|placeholder|aria-description)="([^"]*)"/#
        return source.matches(of: pattern).map { String($0.output.1) }.filter { value in
            value.replacingOccurrences(of: #"\{\{.*?\}\}"#, with: "", options: .regularExpression).contains(where: \.isLetter)
        }
    }

    @Test("templates written in the catalogs hold no words of their own")
    func templatesHoldNoWords() throws {
        let templates = try Self.templates()
        #expect(templates.count > 40)
        for name in Self.notYetInCatalogs.union(Self.staffOnly) {
            #expect(templates[name] != nil, "the list names “\(name)”, which is gone")
        }
        for (name, source) in templates.sorted(by: { $0.key < $1.key })
        where !Self.notYetInCatalogs.contains(name) && !Self.staffOnly.contains(name) {
            let words = Self.visibleWords(source).filter { !Self.allowed.contains($0) }
            #expect(words.isEmpty, "\(name) has words outside the catalog: \(words.prefix(12))")
            #expect(
                Self.visibleAttributes(source).isEmpty, "\(name) has attribute text outside the catalog: \(Self.visibleAttributes(source))")
        }
    }

    @Test("the scanner sees words, in text and in attributes, and nothing else")
    func scannerWorks() {
        #expect(Self.visibleWords("<p>{{t home-lead}} <a href=\"/x\">{{content.name}}</a></p>").isEmpty)
        #expect(Self.visibleWords("<p>Sign in</p>") == ["Sign", "in"])
        #expect(Self.visibleWords("<p>{{#a}}Yes{{/a}} &amp; 42</p>") == ["Yes"])
        #expect(Self.visibleAttributes(#"<nav aria-label="{{t x}}"><img alt="A photo">"#) == ["A photo"])
    }
}
