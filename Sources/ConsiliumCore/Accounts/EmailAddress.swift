import Foundation

/// An email address as the service stores and compares it: trimmed, NFKC-normalised, lower-cased.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The normalised form; two spellings of one mailbox give the same value.
    public let value: String

    /// Why a typed email address was refused.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLong
        case malformed
    }

    /// Normalises and checks `raw`; the checks are deliberately loose on the local part
    /// (mail servers differ) and strict on what would make the address undeliverable.
    public init(_ raw: String) throws(Problem) {
        let normalised = Self.normalise(raw)
        guard !normalised.isEmpty else { throw .empty }
        guard normalised.utf8.count <= 254 else { throw .tooLong }
        let parts = normalised.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .malformed }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw .malformed }
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..")
        else { throw .malformed }
        let forbidden = CharacterSet.whitespacesAndNewlines
            .union(.controlCharacters)
            .union(CharacterSet(charactersIn: "<>()[],;:\\\""))
        guard normalised.unicodeScalars.allSatisfy({ !forbidden.contains($0) }) else { throw .malformed }
        guard domain.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            throw .malformed
        }
        self.value = normalised
    }

    /// The part before the `@`, used to keep it out of passwords.
    public var localPart: String { String(value.prefix { $0 != "@" }) }

    public var description: String { value }

    /// Trim, compose compatibility forms (full-width letters, ligatures), lower-case.
    public static func normalise(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines)
            .precomposedStringWithCompatibilityMapping
            .lowercased()
    }
}
