import Foundation

/// The fields of an `application/x-www-form-urlencoded` body. Missing fields read as empty, so a
/// form can always be re-shown with what was typed.
struct FormData: Sendable {
    private var fields: [String: [String]] = [:]

    init() {}

    init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields[name, default: []].append(value)
        }
    }

    /// The first value of `name`, or "" when absent.
    subscript(name: String) -> String { fields[name]?.first ?? "" }

    /// Every value of `name`, for checkbox groups.
    func all(_ name: String) -> [String] { fields[name] ?? [] }

    func has(_ name: String) -> Bool { fields[name] != nil }

    private static func decode(_ raw: Substring) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
