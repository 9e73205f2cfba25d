import Foundation

/// The service's password rule: at least eight characters mixing letters, digits and special
/// characters, at most 128, and not built from what an attacker would try first. Following
/// NIST SP 800-63B, the password is normalised (NFKC) and its length counted in Unicode code
/// points, so a long password of emoji sequences (each several code points, one grapheme) counts
/// for what it holds.
public struct PasswordPolicy: Sendable {
    /// One way a password can fail the rule; each is told to the person separately.
    public enum Failure: String, Error, Equatable, CaseIterable, Sendable {
        case tooShort
        case tooLong
        case noLetter
        case noDigit
        case noSpecial
        case common
        case containsPersonalDetail

        /// A plain sentence for the person choosing the password (`password-rule-<case>`).
        public var message: Message {
            switch self {
            case .tooShort: Message("password-rule-tooShort", ["count": .number(PasswordPolicy.minimumLength)])
            case .tooLong: Message("password-rule-tooLong", ["count": .number(PasswordPolicy.maximumLength)])
            default: Message("password-rule-\(rawValue)")
            }
        }
    }

    public static let minimumLength = 8
    public static let maximumLength = 128
    /// Personal details shorter than this are too common as substrings to refuse on.
    static let minimumPersonalDetailLength = 3
    /// A single word of a name or address ("Ellis" of "Margaret Ellis") is refused from this
    /// length: shorter words ("Ann") turn up inside too many unrelated words ("planning").
    static let minimumPersonalWordLength = 4

    /// Lower-cased common passwords; empty when no list was loaded.
    let commonPasswords: Set<String>

    public init(commonPasswords: Set<String> = []) {
        self.commonPasswords = Set(commonPasswords.map { $0.lowercased() })
    }

    /// Every way `password` breaks the rule, in the order the rule states them; empty when it passes.
    /// `personalDetails` are the email's local part and the names of the people involved.
    public func failures(for typed: String, personalDetails: [String] = []) -> [Failure] {
        var failures: [Failure] = []
        let password = PasswordPrehash.normalised(typed)
        let count = password.unicodeScalars.count
        if count < Self.minimumLength { failures.append(.tooShort) }
        if count > Self.maximumLength { failures.append(.tooLong) }
        if !password.contains(where: \.isLetter) { failures.append(.noLetter) }
        if !password.contains(where: \.isNumber) { failures.append(.noDigit) }
        // Anything that is neither a letter nor a digit is special: spaces and punctuation alike.
        if !password.contains(where: { !$0.isLetter && !$0.isNumber }) { failures.append(.noSpecial) }
        let lowered = password.lowercased()
        if !Self.blocklistForms(of: lowered).isDisjoint(with: commonPasswords) { failures.append(.common) }
        if Self.personalFragments(of: personalDetails).contains(where: { lowered.contains($0) }) {
            failures.append(.containsPersonalDetail)
        }
        return failures
    }

    /// The forms of a lower-cased password looked up in the list of common passwords. People
    /// meet a "digit, symbol, capital" rule by decorating a common word ("Password1!",
    /// "!Monkey2024"), or by swapping look-alike characters ("P@ssw0rd"); NIST SP 800-63B's
    /// blocklist is meant to catch those, so the list is checked against the password as typed,
    /// without the symbols at its ends, without any digits and symbols at its ends, and each of
    /// those with look-alikes read back as letters.
    static func blocklistForms(of lowered: String) -> Set<String> {
        let isSymbol = { (c: Character) in !c.isLetter && !c.isNumber }
        let isDecoration = { (c: Character) in !c.isLetter }
        let trimmed = [lowered, trim(lowered, isSymbol), trim(lowered, isDecoration)]
        var forms = Set(trimmed)
        for form in trimmed {
            for oneAs in ["l", "i"] {
                forms.insert(String(form.flatMap { lookAlikes[$0] ?? ($0 == "1" ? oneAs : String($0)) }))
            }
        }
        forms.remove("")
        return forms
    }

    private static let lookAlikes: [Character: String] = ["@": "a", "4": "a", "3": "e", "0": "o", "$": "s", "5": "s", "7": "t", "!": "i"]

    private static func trim(_ text: String, _ drop: (Character) -> Bool) -> String {
        String(text.drop(while: drop).reversed().drop(while: drop).reversed())
    }

    /// Each detail whole, and each of its words, lower-cased, without those too short to matter.
    static func personalFragments(of details: [String]) -> Set<String> {
        var fragments: Set<String> = []
        for detail in details {
            let whole = detail.trimmingCharacters(in: .whitespaces).lowercased()
            if whole.count >= minimumPersonalDetailLength { fragments.insert(whole) }
            for word in whole.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.count >= minimumPersonalWordLength {
                fragments.insert(String(word))
            }
        }
        return fragments
    }
}
