import FluentKit

/// Rate-limit counters, one row per key and window.
struct CreateRateLimitCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RateLimitCounter.schema)
            // managed fields
            .id()
            // data fields
            .field("key", .string, .required)
            .field("window_start", .int64, .required)
            .field("count", .int, .required)
            // constraints
            .unique(on: "key", "window_start", name: "rate_limit_counters_key_window_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RateLimitCounter.schema).delete()
    }
}
