import FluentKit
import Foundation

/// Attempts counted against one rate-limit key in one window. Kept in the database so that
/// limits survive a restart and hold across several instances.
final class RateLimitCounter: Model, @unchecked Sendable {
    static let schema = "rate_limit_counters"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// Rule name and a hash of the subject (an email, an address), never the subject itself.
    @Field(key: "key") var key: String
    /// Seconds since 1970 at which the window starts.
    @Field(key: "window_start") var windowStart: Int64
    @Field(key: "count") var count: Int

    init() {}
}
