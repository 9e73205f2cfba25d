/// Single-use recovery codes for when the phone is lost: ten of them, shown once, kept only as
/// SHA-256 hashes. Each is 16 characters (80 random bits) from an alphabet without look-alikes,
/// grouped in fours.
public enum RecoveryCodes {
    public static let count = 10
    /// Crockford-style: no I, L, O or U, so a code read aloud or copied by hand survives.
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    public static func generate() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let characters = (0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
            return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
        }
    }

    /// The code as stored: lower case, no spaces or hyphens, look-alikes read as what they must be.
    public static func normalized(_ typed: String) -> String? {
        var result = ""
        for character in typed.lowercased() where !character.isWhitespace && character != "-" {
            switch character {
            case "o": result.append("0")
            case "i", "l": result.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                result.append(character)
            }
        }
        return result.count == 16 ? result : nil
    }

    /// What the database keeps for a code.
    public static func hash(_ normalizedCode: String) -> String {
        SecureToken.hash("recovery:" + normalizedCode)
    }
}
