import ConsiliumCore

/// Makes a random password that satisfies the password rule, for accounts created by an operator.
public enum GeneratedPassword {
    static let letters = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
    static let digits = Array("23456789")
    static let symbols = Array("!#%+-=?@^_")

    /// 20 characters: at least two of each kind, shuffled; look-alikes (0/O, 1/l/I) left out.
    public static func make(length: Int = 20) -> String {
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        for _ in 0..<2 {
            characters.append(letters.randomElement(using: &generator)!)
            characters.append(digits.randomElement(using: &generator)!)
            characters.append(symbols.randomElement(using: &generator)!)
        }
        let all = letters + digits + symbols
        while characters.count < length { characters.append(all.randomElement(using: &generator)!) }
        return String(characters.shuffled(using: &generator))
    }
}
