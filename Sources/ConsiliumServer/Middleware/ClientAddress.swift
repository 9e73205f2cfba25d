import HTTPTypes
import Hummingbird

/// The address a request came from, for audit and rate limits. `X-Forwarded-For` is believed
/// only when the operator says a trusted proxy sets it; otherwise anyone could choose their own.
enum ClientAddress {
    static func of(_ request: Request, peer: String?, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor] {
            // The last entry is the one our own proxy appended.
            if let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
                return String(last.prefix(64))
            }
        }
        return peer ?? "unknown"
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
