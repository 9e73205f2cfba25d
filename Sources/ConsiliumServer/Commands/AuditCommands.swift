import ConsiliumCore
import FluentKit
import Foundation

/// `consilium audit verify`: recomputes the audit log's hash chain from the first event and checks every event's seal.
public struct AuditCommands: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    /// What verification found: the number of events read, the last hash, and the first break.
    public struct Outcome: Sendable {
        public var count: Int64
        public var head: String
        public var problem: String?
    }

    /// For the benchmark and the two-process test: `events` views recorded by `writers`
    /// concurrent tasks, each waiting for its event to be durable before recording the next, as
    /// requests do. Returns events per second.
    public func appendForBenchmark(events: Int, writers: Int) async throws -> Double {
        guard dependencies.config.environment != .production else {
            throw UserCommands.Refusal(description: "Benchmark events are never written in production.")
        }
        let audit = dependencies.audit
        let database = dependencies.database
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in stride(from: writer, to: events, by: writers) {
                        try await audit.record(
                            .caseViewed, by: .system, on: .init(type: "Case", id: "bench-\(index)", patientID: nil), detail: "benchmark",
                            in: database.db)
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(events) / max(seconds, 1e-9)
    }

    /// Checks the chain and every seal; with `expectedHead` (a head printed by an earlier run
    /// and kept outside the database), also that no events were cut from the end since.
    public func verify(expectedHead: String? = nil) async throws -> Outcome {
        let verifier = try await dependencies.audit.verify(on: dependencies.database.db, expectedHead: expectedHead)
        return Outcome(count: verifier.count, head: verifier.head, problem: verifier.problem)
    }
}
