import Foundation

/// `consilium housekeeping`: one round of what every instance does every 15 minutes, now: expired
/// sessions, tokens and rate-limit counters go, and so do stored files no record names and
/// unfinished multipart uploads older than `documentsOlderThan` (an hour by default: younger
/// ones may be an upload whose row is about to commit).
public struct HousekeepingCommand: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    /// Returns how many stored files and unfinished uploads were removed.
    public func run(documentsOlderThan age: TimeInterval = 3600) async throws -> Int {
        let housekeeping = Housekeeping(
            database: dependencies.database, sessions: dependencies.sessions, limiter: dependencies.limiter,
            documents: dependencies.documents, logger: dependencies.logger)
        await housekeeping.sweep()
        return try await housekeeping.sweepDocuments(olderThan: age)
    }
}
