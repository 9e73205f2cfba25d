import Foundation

/// A place on this site to go back to after signing in (`next=`). Only a plain path is
/// accepted: a browser must not be able to read it as another host, however it is spelled.
///
/// Browsers drop tabs and newlines from URLs, treat `\` as `/`, and some fold Unicode
/// look-alikes (`／`, `∕`) into `/`; so `/<TAB>/evil.example`, `/\evil.example` and
/// `/%2F%2Fevil.example` each reach another site. The rule is narrow on purpose: printable
/// ASCII only, no backslash, never two slashes at the start, checked again after every layer
/// of percent-decoding, and `URLComponents` must see neither scheme nor host.
public struct ReturnPath: Sendable, Hashable {
    public let value: String

    /// Where to go when `next` is missing or refused.
    public static let fallback = "/account"

    public init?(_ raw: String) {
        guard raw.count <= 2048, Self.isPlainPath(raw) else { return nil }
        // Every decoded layer must be as plain as the raw one (a `%252F` is a `%2F` is a `/`).
        var layer = raw
        for _ in 0..<4 {
            guard let decoded = layer.removingPercentEncoding else { return nil }
            if decoded == layer { break }
            guard Self.isPlainPath(decoded, allowingSpaces: true) else { return nil }
            layer = decoded
        }
        guard layer == layer.removingPercentEncoding ?? "" else { return nil }
        guard let components = URLComponents(string: raw), components.scheme == nil, components.host == nil,
            components.user == nil, components.port == nil, components.path.hasPrefix("/")
        else { return nil }
        value = raw
    }

    /// The path for `raw`, or the account page.
    public static func resolve(_ raw: String) -> String {
        ReturnPath(raw)?.value ?? fallback
    }

    private static func isPlainPath(_ text: String, allowingSpaces: Bool = false) -> Bool {
        guard text.hasPrefix("/") else { return false }
        // Printable ASCII only: this refuses control characters and every Unicode look-alike.
        // A space can only appear once decoded (a raw one is not a URL).
        let lowest: UInt32 = allowingSpaces ? 0x20 : 0x21
        guard text.unicodeScalars.allSatisfy({ $0.value >= lowest && $0.value <= 0x7E }) else { return false }
        guard !text.contains("\\") else { return false }
        // `//host` is another site; `/ /host` is one a careless decoder away from it.
        let second = text.dropFirst().first
        return second != "/" && second != " "
    }
}
