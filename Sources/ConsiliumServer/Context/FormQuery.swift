import Foundation
import HummingbirdCore

extension URI {
    /// The query as a browser's GET form sends it (`application/x-www-form-urlencoded`): a
    /// space arrives as "+", which `queryParameters` keeps as a plus sign. A search typed as
    /// "Eleanor Whitcombe" or "788 539 1818" must reach the search with its spaces.
    var formQuery: [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.formDecode(parts[1]) ?? "" : ""
            if values[name] == nil { values[name] = value }
        }
        return values
    }

    private static func formDecode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
