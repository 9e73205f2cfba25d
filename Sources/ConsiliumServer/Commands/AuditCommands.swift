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

    /// Checks the chain and every seal; with `expectedHead` (a head printed by an earlier run
    /// and kept outside the database), also that no events were cut from the end since.
    public func verify(expectedHead: String? = nil) async throws -> Outcome {
        let verifier = try await dependencies.audit.verify(on: dependencies.database.db, expectedHead: expectedHead)
        return Outcome(count: verifier.count, head: verifier.head, problem: verifier.problem)
    }
}
