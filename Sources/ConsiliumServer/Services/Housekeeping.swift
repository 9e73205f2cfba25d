import FluentKit
import Foundation
import Logging
import ServiceLifecycle

/// Removes what has expired: sessions past their absolute time-out, spent or stale email
/// tokens, old rate-limit counters. Runs now and then until the application stops.
struct Housekeeping: Service {
    let database: DatabaseService
    let sessions: FluentPersistDriver
    let limiter: RateLimiter
    let logger: Logger
    var interval: Duration = .seconds(900)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sweep()
                try await Task.sleep(for: interval)
            }
        }
    }

    func sweep(now: Date = Date()) async {
        do {
            try await sessions.sweep(now: now)
            try await limiter.sweep(olderThan: now.addingTimeInterval(-2 * 86400))
            try await EmailTokenModel.query(on: database.db).filter(\.$expiresAt < now.addingTimeInterval(-7 * 86400)).delete()
        } catch {
            logger.error("Housekeeping failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
        }
    }
}
