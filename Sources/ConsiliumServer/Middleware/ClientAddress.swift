import Foundation
import HTTPTypes
import Hummingbird

/// The address a request came from, for audit and rate limits. `X-Forwarded-For` is believed
/// only from a proxy the operator names (`CONSILIUM_TRUSTED_PROXIES`: the connection itself
/// comes from that address), or from any peer when told so (`CONSILIUM_TRUST_FORWARDED_FOR`);
/// otherwise anyone could choose their own.
enum ClientAddress {
    static func of(_ request: Request, peer: String?, trustForwardedFor: Bool, trustedProxies: Set<String> = []) -> String {
        let believed = trustForwardedFor || peer.map(trustedProxies.contains) == true
        if believed, let forwarded = request.headers[.xForwardedFor] {
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

/// Whether a text is an IPv4 or IPv6 address as the system reads one.
enum IPAddressText {
    static func isValid(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
