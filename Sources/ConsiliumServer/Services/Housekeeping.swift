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
    var documents: (any DocumentStore)? = nil
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

    /// Files that no record names: left by a crash between writing a file and committing its row.
    @discardableResult
    func sweepDocuments(olderThan age: TimeInterval = 3600) async throws -> Int {
        guard let documents else { return 0 }
        let referenced = Set(try await RecordModel.query(on: database.db).all(\.$storageKey))
        return try await documents.sweep(referenced: referenced, olderThan: age)
    }

    func sweep(now: Date = Date()) async {
        do {
            try await sessions.sweep(now: now)
            try await limiter.sweep(olderThan: now.addingTimeInterval(-2 * 86400))
            try await EmailTokenModel.query(on: database.db).filter(\.$expiresAt < now.addingTimeInterval(-7 * 86400)).delete()
            try await sweepDocuments()
        } catch {
            logger.error("Housekeeping failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
        }
    }
}
