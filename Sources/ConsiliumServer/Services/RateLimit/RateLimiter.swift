import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// Counts attempts in the database (so limits survive restarts and are shared by every
/// instance) and refuses those over a rule's limit.
struct RateLimiter: Sendable {
    let database: DatabaseService

    /// The rules the service applies.
    enum Rules {
        static let signInPerAccount = RateLimitRule(name: "signin.account", limit: 10, window: 15 * 60)
        static let signInPerAddress = RateLimitRule(name: "signin.address", limit: 50, window: 15 * 60)
        /// Authenticator and recovery codes: 5 tries per sign-in window; a million codes cannot be guessed.
        static let codePerAccount = RateLimitRule(name: "signin.code", limit: 5, window: 15 * 60)
        static let resetPerAccount = RateLimitRule(name: "reset.account", limit: 3, window: 60 * 60)
        static let resetPerAddress = RateLimitRule(name: "reset.address", limit: 20, window: 60 * 60)
        static let registrationPerAddress = RateLimitRule(name: "register.address", limit: 20, window: 60 * 60)
        static let registrationPerAccount = RateLimitRule(name: "register.account", limit: 5, window: 60 * 60)
    }

    /// Counts one attempt against `rule` for `subject` and throws `RateLimited` once over the
    /// limit: this window's attempts and the previous window's, weighted (see `RateLimitRule`).
    /// The subject (an email, an address) is stored only as a hash.
    func hit(_ rule: RateLimitRule, subject: String, now: Date = Date()) async throws {
        let current = try await increment(rule, subject: subject, now: now)
        let previous = try await count(rule, subject: subject, windowStart: rule.previousWindowStart(before: now))
        guard rule.allows(current: current, previous: previous, at: now) else {
            throw RateLimited(retryAfter: rule.retryAfter(current: current, previous: previous, from: now), rule: rule.name)
        }
    }

    /// Adds one to the counter of the current window, creating it if needed, in one statement
    /// (an upsert on the unique key), so parallel attempts cannot both read a stale count.
    func increment(_ rule: RateLimitRule, subject: String, now: Date) async throws -> Int {
        guard let sql = database.db as? any SQLDatabase else { return 0 }
        let key = Self.key(rule, subject: subject)
        let window = Int64(rule.windowStart(containing: now).timeIntervalSince1970)
        let row = try await sql.raw(
            """
            INSERT INTO rate_limit_counters (id, key, window_start, count) VALUES (\(bind: UUID()), \(bind: key), \(bind: window), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
            RETURNING count
            """
        ).first()
        return try row?.decode(column: "count", as: Int.self) ?? 0
    }

    /// Forgets counters of windows that ended long ago.
    /// The attempts counted in the window starting at `windowStart`.
    func count(_ rule: RateLimitRule, subject: String, windowStart: Date) async throws -> Int {
        guard let sql = database.reader as? any SQLDatabase else { return 0 }
        let row = try await sql.raw(
            """
            SELECT count FROM rate_limit_counters
            WHERE key = \(bind: Self.key(rule, subject: subject)) AND window_start = \(bind: Int64(windowStart.timeIntervalSince1970))
            """
        ).first()
        return try row?.decode(column: "count", as: Int.self) ?? 0
    }

    /// The stored key: the rule's name and a hash of the subject (an email or an address).
    static func key(_ rule: RateLimitRule, subject: String) -> String {
        rule.name + ":" + SecureToken.hash(subject.lowercased())
    }

    func sweep(olderThan date: Date) async throws {
        try await RateLimitCounter.query(on: database.db).filter(\.$windowStart < Int64(date.timeIntervalSince1970)).delete()
    }
}

/// Too many attempts; the person may try again after `retryAfter` seconds.
struct RateLimited: Error {
    let retryAfter: Int
    let rule: String
}
