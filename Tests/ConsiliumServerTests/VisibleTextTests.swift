import Foundation
import Testing

@testable import ConsiliumServer

/// Words a person reads come from the catalogs (`Resources/Messages`), never from a template:
/// a template's own text, and the text of attributes a person meets (labels read aloud, tooltips,
/// placeholders, alternative text), must be markers or values.
@Suite("No visible words outside the catalogs")
struct VisibleTextTests {
    /// Pages only staff use, in English by design (staff work in English; the issue allows it),
    /// and the development mailbox.
    static let staffOnly: Set<String> = [
        "admin/agreement", "admin/agreement-translation", "cases/coordination", "reports/editor", "reports/staff-actions", "admin/audit",
        "admin/index", "admin/invite",
        "admin/settings", "admin/user",
        "admin/users", "development/mailbox", "development/message", "staff/cases", "staff/physicians",
    ]

    /// Words that are the same in every language: the example of a recovery code's form.
    static let allowed: Set<String> = ["abcd-efgh-jkmn-pqrs"]

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
        for name in Self.staffOnly {
            #expect(templates[name] != nil, "the list names “\(name)”, which is gone")
        }
        for (name, source) in templates.sorted(by: { $0.key < $1.key })
        where !Self.staffOnly.contains(name) {
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

    // MARK: Swift sources

    /// Sources whose English words are English by design: staff pages and their rules (staff
    /// work in English), the command line, configuration defaults, demo data, and the English
    /// names of places (other languages take them from CLDR or the catalogs).
    static let englishByDesign: Set<String> = [
        "ConsiliumCore/Access/AccessPolicy.swift", "ConsiliumCore/Accounts/Role.swift",
        "ConsiliumCore/Administration/ServiceSettings.swift",
        "ConsiliumCore/Audit/AuditAction.swift", "ConsiliumCore/Cases/TimelineReason.swift", "ConsiliumCore/Eligibility/Country.swift",
        "ConsiliumCore/Eligibility/USState.swift",
        "ConsiliumCore/Registration/AgreementDocument.swift", "ConsiliumServer/Administration/AgreementAdminController.swift",
        "ConsiliumServer/Administration/AuditLogController.swift", "ConsiliumServer/Administration/AuditSearch.swift",
        "ConsiliumServer/Administration/InvitationController.swift", "ConsiliumServer/Administration/PeopleController.swift",
        "ConsiliumServer/Administration/SettingsController.swift", "ConsiliumServer/Administration/StaffService.swift",
        "ConsiliumServer/Cases/CaseController+Coordination.swift", "ConsiliumServer/Reports/ReportController+Consultant.swift",
        "ConsiliumServer/Reports/ReportPage+Editor.swift",
        "ConsiliumServer/Commands/AgreementCommands.swift", "ConsiliumServer/Commands/AuditCommands.swift",
        "ConsiliumServer/Commands/BenchSeed.swift", "ConsiliumServer/Commands/DemoData.swift",
        "ConsiliumServer/Commands/UserCommands.swift",
        "ConsiliumServer/Configuration/AppConfig+Environment.swift", "ConsiliumServer/Configuration/AppConfig.swift",
        "ConsiliumServer/Pages/DevelopmentMailboxController.swift", "ConsiliumServer/Physicians/VerificationQueueController.swift",
        "ConsiliumServer/Services/Mail/MailDeliveryService.swift", "ConsiliumServer/Triage/TriageController.swift",
    ]

    /// The string literals of a Swift source that read as English words for a person: a
    /// capitalised word followed by more words ("Your draft is saved."). Comments and log
    /// lines are skipped; an interpolation counts as a word.
    static func sentences(inSwift source: String) -> [String] {
        var found: [String] = []
        var inLogCall = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // a log call's message may be wrapped onto the lines after `logger.error(`
            let logLine = trimmed.contains("logger.") || trimmed.contains("Logger(")
            defer { inLogCall = logLine ? trimmed.hasSuffix("(") : inLogCall && !trimmed.hasSuffix(")") }
            if trimmed.hasPrefix("//") || logLine || inLogCall { continue }
            for literal in line.matches(of: #/"((?:[^"\\]|\\.)*)"/#) {
                let plain = String(literal.output.1).replacing(#/\\\(.*?\)/#, with: "X")
                if plain.firstMatch(of: #/^[A-Z][a-z’']+(?:[ ,]+[A-Za-z’'\-]+)+/#) != nil { found.append(plain) }
            }
        }
        return found
    }

    @Test("Swift sources hold no English words for patients or physicians outside the catalogs")
    func swiftHoldsNoWords() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var seen: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let name = String(file.standardizedFileURL.path.dropFirst(sources.standardizedFileURL.path.count + 1))
            guard name.hasPrefix("ConsiliumCore/") || name.hasPrefix("ConsiliumServer/"), !Self.englishByDesign.contains(name) else {
                continue
            }
            let found = Self.sentences(inSwift: try String(contentsOf: file, encoding: .utf8))
            seen.insert(name)
            #expect(found.isEmpty, "\(name) has English outside the catalogs: \(found.prefix(8))")
        }
        #expect(seen.count > 100, "the scanner read \(seen.count) sources")
        for name in Self.englishByDesign {
            #expect(FileManager.default.fileExists(atPath: sources.appendingPathComponent(name).path), "“\(name)” is gone")
        }
    }

    @Test("the Swift scanner sees sentences and labels, and not codes, paths or interpolated keys")
    func swiftScannerWorks() {
        #expect(Self.sentences(inSwift: #"notice = "Your draft is saved.""#) == ["Your draft is saved."])
        #expect(Self.sentences(inSwift: #"label: "First name", id: "firstName""#) == ["First name"])
        #expect(Self.sentences(inSwift: #"x = "Welcome, \(name)""#) == ["Welcome, X"])
        #expect(Self.sentences(inSwift: #"wording("reg-step-personal"); path = "/cases/new"; "SELECT id FROM x""#).isEmpty)
        #expect(Self.sentences(inSwift: #"// "A comment in English""#).isEmpty)
        let wrappedLog = "logger.error(\n  \"Unhandled error\", metadata: [:])\nnotice = \"Your file is kept.\""
        #expect(Self.sentences(inSwift: wrappedLog) == ["Your file is kept."])
    }
}
