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

    /// As people write it: a U.S. number as (617) 555-0123, any other in E.164.
    public var display: String {
        guard e164.hasPrefix("+1"), e164.count == 12 else { return e164 }
        let d = Array(e164.dropFirst(2))
        return "(\(String(d[0..<3]))) \(String(d[3..<6]))-\(String(d[6..<10]))"
    }

    /// A number already stored in E.164, as read back from the database.
    public init(stored e164: String) {
        self.e164 = e164
    }
}
