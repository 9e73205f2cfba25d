import Crypto
import Foundation

/// An agreement (or terms of use) text with the institution's particulars filled in: exactly
/// what a person reads and signs, and its SHA-256, which the consent record keeps.
public struct AgreementDocument: Equatable, Sendable {
    /// The particulars that the stored text names by placeholder.
    public struct Particulars: Equatable, Sendable {
        public var institution: String
        public var serviceName: String
        public var phone: String
        public var governingLaw: String
        public var venue: String

        public init(institution: String, serviceName: String, phone: String, governingLaw: String, venue: String) {
            self.institution = institution
            self.serviceName = serviceName
            self.phone = phone
            self.governingLaw = governingLaw
            self.venue = venue
        }
    }

    public let text: String

    /// Fills `{institution}`, `{service}`, `{phone}`, `{governing_law}` and `{venue}`.
    public init(template: String, particulars: Particulars) {
        text =
            template
            .replacingOccurrences(of: "{institution}", with: particulars.institution)
            .replacingOccurrences(of: "{service}", with: particulars.serviceName)
            .replacingOccurrences(of: "{phone}", with: particulars.phone)
            .replacingOccurrences(of: "{governing_law}", with: particulars.governingLaw)
            .replacingOccurrences(of: "{venue}", with: particulars.venue)
    }

    /// SHA-256 of the text's UTF-8 bytes, in hex.
    public var sha256: String {
        Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }

    /// The text split into paragraphs (blank-line separated) for display.
    public var paragraphs: [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The placeholders a stored text may use.
    public static let placeholders = ["{institution}", "{service}", "{phone}", "{governing_law}", "{venue}"]

    /// Why a text cannot be published as a new version, or nil if it can: too short to be an
    /// agreement, or naming a placeholder that would be shown unfilled.
    public static func problem(publishing template: String) -> String? {
        let body = template.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.count >= 200 else { return "That text is too short to be an agreement (at least 200 characters)." }
        let unknown = Set(body.ranges(of: /\{[a-z_]+\}/).map { String(body[$0]) }).subtracting(placeholders)
        guard unknown.isEmpty else {
            return "Unknown placeholders: \(unknown.sorted().joined(separator: ", ")). Use only \(placeholders.joined(separator: ", "))."
        }
        return nil
    }

    /// Why `translation` cannot be published as a translation of `original`, or nil if it can:
    /// what `problem(publishing:)` refuses, a particular the original names and the translation
    /// leaves out (the number to call, say), or a different number of paragraphs (a clause lost
    /// or two run together).
    public static func problem(translating original: String, as translation: String) -> String? {
        if let problem = problem(publishing: translation) { return problem }
        func used(_ text: String) -> Set<String> { Set(text.ranges(of: /\{[a-z_]+\}/).map { String(text[$0]) }) }
        let missing = used(original).subtracting(used(translation))
        guard missing.isEmpty else {
            return "The translation leaves out \(missing.sorted().joined(separator: ", ")), which the original uses."
        }
        func count(_ text: String) -> Int {
            text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
        }
        guard count(original) == count(translation) else {
            return
                "The original has \(count(original)) paragraphs and the translation \(count(translation)): each paragraph is translated as one."
        }
        return nil
    }
}
