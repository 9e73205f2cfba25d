import Foundation

/// Reads typed values from environment variables and remembers every problem it meets.
struct EnvironmentReader {
    let variables: [String: String]
    private var problems: [String] = []

    init(variables: [String: String]) {
        self.variables = variables
    }

    var problemsIfAny: [String]? { problems.isEmpty ? nil : problems }

    mutating func problem(_ message: String) { problems.append(message) }

    /// The trimmed value, or nil when unset or blank.
    func optional(_ name: String) -> String? {
        guard let value = variables[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The value, the default when unset, or a recorded problem when there is no default.
    mutating func string(_ name: String, default fallback: String?) -> String {
        if let value = optional(name) { return value }
        if let fallback { return fallback }
        problem("\(name) is required")
        return ""
    }

    mutating func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let raw = optional(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            problem("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(raw)\"")
            return fallback
        }
        return value
    }

    mutating func bool(_ name: String, default fallback: Bool) -> Bool {
        guard let raw = optional(name)?.lowercased() else { return fallback }
        switch raw {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problem("\(name) must be true or false, not \"\(raw)\"")
            return fallback
        }
    }

    mutating func choice<T: RawRepresentable & Sendable>(_ name: String, default fallback: T) -> T where T.RawValue == String {
        guard let raw = optional(name) else { return fallback }
        guard let value = T(rawValue: raw.lowercased()) else {
            problem("\(name): \"\(raw)\" is not one of the accepted values")
            return fallback
        }
        return value
    }

    mutating func url(_ name: String, default fallback: String?) -> URL? {
        let raw = string(name, default: fallback)
        guard !raw.isEmpty else { return nil }
        guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil,
            url.path.isEmpty || url.path == "/", url.query == nil
        else {
            problem("\(name) must be an http(s) address without a path, such as https://opinions.example.org, not \"\(raw)\"")
            return nil
        }
        return url
    }

    /// A comma-separated list, upper-cased, blanks dropped; an empty value gives an empty list.
    func list(_ name: String, default fallback: [String]) -> [String] {
        guard let raw = variables[name] else { return fallback }
        return raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
    }
}
