import Foundation
import Testing

@testable import ConsiliumCore

@Suite("Session lifetime")
struct SessionLifetimeTests {
    let lifetime = SessionLifetime(idleTimeout: 30 * 60, absoluteTimeout: 12 * 3600)
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a session ends after 30 idle minutes, not before")
    func idle() {
        #expect(!lifetime.hasExpired(createdAt: start, lastSeenAt: start, now: start + 29 * 60 + 59))
        #expect(lifetime.hasExpired(createdAt: start, lastSeenAt: start, now: start + 30 * 60))
    }

    @Test("a busy session still ends 12 hours after it began")
    func absolute() {
        let now = start + 12 * 3600
        #expect(lifetime.hasExpired(createdAt: start, lastSeenAt: now - 60, now: now))
        #expect(!lifetime.hasExpired(createdAt: start, lastSeenAt: now - 60, now: now - 1))
        // stored until idle time-out plus grace, never past the absolute limit
        #expect(lifetime.remaining(createdAt: start, now: start + 3600) == 30 * 60 + SessionLifetime.expiryGrace)
        #expect(lifetime.remaining(createdAt: start, now: start + 12 * 3600 - 60) == 60)
    }

    @Test("activity is written back at most once a minute")
    func touch() {
        #expect(!lifetime.needsTouch(lastSeenAt: start, now: start + 59))
        #expect(lifetime.needsTouch(lastSeenAt: start, now: start + 60))
    }
}

@Suite("Rate-limit windows")
struct RateLimitRuleTests {
    let rule = RateLimitRule(name: "signin.account", limit: 10, window: 900)

    @Test("attempts in one window share a counter; the window before is the one just ended")
    func windows() {
        let a = Date(timeIntervalSince1970: 900 * 1000 + 1)
        let b = Date(timeIntervalSince1970: 900 * 1000 + 899)
        let c = Date(timeIntervalSince1970: 900 * 1001)
        #expect(rule.windowStart(containing: a) == rule.windowStart(containing: b))
        #expect(rule.windowStart(containing: c) != rule.windowStart(containing: b))
        #expect(rule.previousWindowStart(before: c) == rule.windowStart(containing: b))
    }

    @Test("the tenth attempt in a quiet window is allowed, the eleventh is not")
    func limit() {
        let date = Date(timeIntervalSince1970: 900 * 1000 + 300)
        #expect(rule.allows(current: 10, previous: 0, at: date))
        #expect(!rule.allows(current: 11, previous: 0, at: date))
    }

    @Test("ten attempts just before a boundary still count just after it: no burst of twenty")
    func boundary() {
        let justAfter = Date(timeIntervalSince1970: 900 * 1001 + 1)
        #expect(!rule.allows(current: 1, previous: 10, at: justAfter))
        #expect(rule.weightedCount(current: 1, previous: 10, at: justAfter) > 10.9)
        // halfway through the next window, half of the previous window's attempts still count
        let halfway = Date(timeIntervalSince1970: 900 * 1001 + 450)
        #expect(rule.weightedCount(current: 4, previous: 10, at: halfway) == 9)
        #expect(rule.allows(current: 5, previous: 10, at: halfway))
        #expect(!rule.allows(current: 6, previous: 10, at: halfway))
    }

    @Test("Retry-After names the moment one more attempt is allowed")
    func retryAfter() {
        let start = 900.0 * 1000
        // eleven in a quiet window, refused at 5 minutes in: the next window, once the eleven
        // weigh 9 or less (after 900 * (1 - 9/11) ≈ 164 s of it)
        let refused = Date(timeIntervalSince1970: start + 300)
        let wait = rule.retryAfter(current: 11, previous: 0, from: refused)
        #expect(wait == 600 + 164)
        let then = refused.addingTimeInterval(Double(wait))
        #expect(rule.allows(current: 1, previous: 11, at: then))
        #expect(!rule.allows(current: 1, previous: 11, at: then.addingTimeInterval(-2)))
        // one over, early in a window after a busy one: once the previous window weighs little enough
        let early = Date(timeIntervalSince1970: start + 60)
        let wait2 = rule.retryAfter(current: 3, previous: 10, from: early)
        let later = early.addingTimeInterval(Double(wait2))
        #expect(rule.allows(current: 4, previous: 10, at: later))
        #expect(!rule.allows(current: 4, previous: 10, at: later.addingTimeInterval(-2)))
        #expect(rule.retryAfter(current: 1, previous: 0, from: early) == 1)
    }
}

@Suite("Secure tokens")
struct SecureTokenTests {
    @Test("tokens are long, URL-safe and different each time")
    func generation() {
        let tokens = (0..<200).map { _ in SecureToken.generate() }
        #expect(Set(tokens).count == 200)
        for token in tokens {
            #expect(token.count == 43)
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }

    @Test("base64url follows RFC 4648 test vectors, without padding")
    func base64URL() {
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (input, output) in vectors { #expect(SecureToken.base64URL(Array(input.utf8)) == output) }
        #expect(SecureToken.base64URL([0xfb, 0xff]) == "-_8")
    }

    @Test("the stored hash is SHA-256 in hex")
    func hashing() {
        #expect(SecureToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("comparison is exact")
    func comparison() {
        #expect(SecureToken.constantTimeEquals("abc", "abc"))
        #expect(!SecureToken.constantTimeEquals("abc", "abd"))
        #expect(!SecureToken.constantTimeEquals("abc", "abcd"))
    }
}

@Suite("Service area")
struct ServiceAreaTests {
    let area = ServiceArea(countries: ["US", "ca"], excludedUSStates: ["ny", "TX"])

    @Test("U.S. states are served unless excluded")
    func states() {
        #expect(area.serves(country: "US", state: "MA"))
        #expect(!area.serves(country: "US", state: "NY"))
        #expect(!area.serves(country: "us", state: "tx"))
        #expect(!area.serves(country: "US", state: nil))
        #expect(!area.serves(country: "US", state: "ZZ"))
    }

    @Test("other countries are served only when listed")
    func countries() {
        #expect(area.serves(country: "CA", state: nil))
        #expect(!area.serves(country: "MX", state: nil))
    }
}
