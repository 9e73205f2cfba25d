/// A U.S. National Provider Identifier: ten digits, the last a Luhn check digit computed over
/// the prefix 80840 and the first nine (CMS's rule).
public struct NPI: Hashable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// Why a typed NPI was refused.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notTenDigits
        /// All ten digits are there but the last does not match: almost always a typo.
        case checkDigit
    }

    /// Spaces and dashes are ignored; anything else must be a digit.
    public init(_ raw: String) throws(Problem) {
        let compact = raw.filter { $0 != " " && $0 != "-" }
        guard !compact.isEmpty else { throw .empty }
        guard compact.count == 10, let digits = Luhn.digits(of: compact) else { throw .notTenDigits }
        guard Self.checkDigit(forFirstNine: Array(digits.prefix(9))) == digits[9] else { throw .checkDigit }
        value = compact
    }

    public static func checkDigit(forFirstNine digits: [Int]) -> Int {
        Luhn.checkDigit(for: [8, 0, 8, 4, 0] + digits)
    }

    public var description: String { value }
}
