/// A telephone number in E.164 form (`+15555550123`), parsed from what a person types.
/// U.S. numbers may be typed as people write them; others need their country code.
public struct PhoneNumber: Hashable, Codable, Sendable, CustomStringConvertible {
    public let e164: String

    /// Why a typed number was refused.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case invalidCharacters
        case wrongLengthForUS
        case invalidUSNumber
        case needsCountryCode
        case wrongLength
    }

    public init(_ raw: String) throws(Problem) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        let allowed = Set("0123456789+-(). ")
        guard trimmed.allSatisfy({ allowed.contains($0) }) else { throw .invalidCharacters }
        let international = trimmed.hasPrefix("+") || trimmed.hasPrefix("00")
        guard trimmed.dropFirst().allSatisfy({ $0 != "+" }) else { throw .invalidCharacters }
        var digits = trimmed.filter(\.isNumber)
        if international {
            if trimmed.hasPrefix("00") { digits.removeFirst(2) }
            guard !digits.hasPrefix("0"), (8...15).contains(digits.count) else { throw .wrongLength }
            if digits.hasPrefix("1") { try Self.checkNANP(String(digits.dropFirst())) }
            e164 = "+" + digits
            return
        }
        // No country code: a U.S. number, with or without its leading 1.
        if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
        guard digits.count == 10 else { throw digits.count > 11 ? .needsCountryCode : .wrongLengthForUS }
        try Self.checkNANP(digits)
        e164 = "+1" + digits
    }

    /// North American numbers: area code and exchange both start with 2–9.
    private static func checkNANP(_ digits: String) throws(Problem) {
        let d = Array(digits)
        guard d.count == 10, d[0] >= "2", d[3] >= "2" else { throw .invalidUSNumber }
    }

    public var description: String { e164 }

    /// As people write it: a U.S. number in national form, (617) 555-0123, since the service's
    /// readers are in the U.S.; any other in international form, its country code set apart
    /// (+44 2079460958), as ITU-T E.123 writes numbers dialled from abroad.
    public var display: String {
        let digits = Array(e164.dropFirst())
        if digits.first == "1", digits.count == 11 {
            return "(\(String(digits[1..<4]))) \(String(digits[4..<7]))-\(String(digits[7..<11]))"
        }
        let length = Self.countryCodeLength(digits)
        guard digits.count > length else { return e164 }
        return "+\(String(digits[..<length])) \(String(digits[length...]))"
    }

    /// How many leading digits are the country code. ITU-T E.164 codes are prefix-free: 1 and 7
    /// are one digit; these two-digit codes are assigned; every other code has three digits.
    static func countryCodeLength(_ digits: [Character]) -> Int {
        guard let first = digits.first else { return 0 }
        if first == "1" || first == "7" { return 1 }
        guard digits.count >= 2 else { return digits.count }
        return twoDigitCodes.contains(String(digits[0..<2])) ? 2 : min(3, digits.count)
    }

    private static let twoDigitCodes: Set<String> = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53",
        "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
        "95", "98",
    ]

    /// A number already stored in E.164, as read back from the database.
    public init(stored e164: String) {
        self.e164 = e164
    }
}
