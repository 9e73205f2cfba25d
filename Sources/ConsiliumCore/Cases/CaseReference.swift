/// A case's reference number: ten digits, the last a Luhn check digit, so a mistyped number is
/// caught before anything is looked up. The first nine are random: one case's number says
/// nothing about another's.
public struct CaseReference: Hashable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// Why a typed reference number was refused.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notTenDigits
        case checkDigit
    }

    /// Read as people copy it: grouped by spaces (as displayed, including no-break spaces),
    /// hyphens or dots, or not at all.
    public init(_ raw: String) throws(Problem) {
        let compact = raw.filter { !$0.isWhitespace && $0 != "-" && $0 != "." }
        guard !compact.isEmpty else { throw .empty }
        guard compact.count == 10, let digits = Luhn.digits(of: compact) else { throw .notTenDigits }
        guard Luhn.checkDigit(for: Array(digits.prefix(9))) == digits[9] else { throw .checkDigit }
        value = compact
    }

    /// A new random reference; uniqueness is the database's unique index's job (retry on clash).
    public static func generate() -> CaseReference {
        var generator = SystemRandomNumberGenerator()
        var digits = [Int.random(in: 1...9, using: &generator)]
        for _ in 0..<8 { digits.append(Int.random(in: 0...9, using: &generator)) }
        digits.append(Luhn.checkDigit(for: digits))
        // A number built with its own check digit always parses.
        return CaseReference(validated: digits.map(String.init).joined())
    }

    private init(validated: String) {
        value = validated
    }

    /// Grouped for reading aloud over the phone: 123 456 7890.
    public var display: String {
        let characters = Array(value)
        return String(characters[0..<3]) + " " + String(characters[3..<6]) + " " + String(characters[6...])
    }

    public var description: String { value }
}
