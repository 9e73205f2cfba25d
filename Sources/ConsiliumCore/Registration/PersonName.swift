/// Checks a name part as typed: required, of reasonable length, made of letters (any script),
/// spaces, hyphens, apostrophes and full stops.
public enum PersonName {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLong
        case invalidCharacters
    }

    public static let maximumLength = 100

    /// The name with surrounding and repeated spaces removed.
    public static func clean(_ raw: String) throws(Problem) -> String {
        let collapsed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !collapsed.isEmpty else { throw .empty }
        guard collapsed.count <= maximumLength else { throw .tooLong }
        let punctuation = Set(" -'’.")
        guard collapsed.allSatisfy({ $0.isLetter || punctuation.contains($0) }), collapsed.contains(where: \.isLetter) else {
            throw .invalidCharacters
        }
        return collapsed
    }

    /// Whether a typed signature matches the signer's name: same words, ignoring case and spacing.
    public static func signatureMatches(_ typed: String, first: String, last: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }
        let signed = words(typed)
        return !signed.isEmpty && signed == words(first + " " + last)
    }
}
