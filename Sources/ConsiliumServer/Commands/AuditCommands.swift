import ConsiliumCore
import FluentKit
import Foundation

/// `consilium audit verify`: recomputes the audit log's hash chain from the first event.
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

    public func verify() async throws -> Outcome {
        let verifier = try await dependencies.audit.verify(on: dependencies.database.db)
        return Outcome(count: verifier.count, head: verifier.head, problem: verifier.firstBreak?.description)
    }
}
