import ConsiliumCore
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import ConsiliumServer

@Suite("Audit log storage: append-only and tamper-evident")
struct AuditChainStorageTests {
    /// Writes `count` events through the audit service.
    func record(_ count: Int, _ dependencies: AppDependencies) async throws {
        for index in 0..<count {
            try await dependencies.audit.record(
                .caseViewed, by: .system, on: .init(type: "Case", id: "case-\(index)", patientID: nil), in: dependencies.database.db)
        }
    }

    func sql(_ dependencies: AppDependencies) throws -> any SQLDatabase {
        try #require(dependencies.database.db as? any SQLDatabase)
    }

    /// What someone with direct access to the database would do first: drop the triggers.
    func dropGuards(_ dependencies: AppDependencies) async throws {
        let sql = try sql(dependencies)
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_events_no_update").run()
            try await sql.raw("DROP TRIGGER audit_events_no_delete").run()
        }
    }

    @Test("events are numbered and chained as they are written, and the chain verifies")
    func chained() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(5, dependencies)
            let events = try await AuditEventModel.query(on: dependencies.database.db).sort(\.$sequence).all()
            #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
            #expect(events.first?.previousHash == AuditChain.genesis)
            for (earlier, later) in zip(events, events.dropFirst()) { #expect(later.previousHash == earlier.hash) }
            let outcome = try await AuditCommands(dependencies).verify()
            #expect(outcome.problem == nil)
            #expect(outcome.count == Int64(events.count))
        }
    }

    @Test("the database itself refuses to update or delete an event")
    func appendOnly() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(2, dependencies)
            let sql = try sql(dependencies)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_events SET outcome = 'denied' WHERE sequence = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_events WHERE sequence = 2").run()
            }
            #expect(try await AuditCommands(dependencies).verify().problem == nil)
        }
    }

    @Test("an edited event is named")
    func edited() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(6, dependencies)
            try await dropGuards(dependencies)
            try await sql(dependencies).raw("UPDATE audit_events SET object_id = 'case-other' WHERE sequence = 4").run()
            let outcome = try await AuditCommands(dependencies).verify()
            #expect(outcome.problem == AuditChain.Break.contentChanged(sequence: 4).description)
        }
    }

    @Test("a deleted event is named by the gap, even across verification pages")
    func deleted() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(6, dependencies)
            try await dropGuards(dependencies)
            try await sql(dependencies).raw("DELETE FROM audit_events WHERE sequence = 3").run()
            let verifier = try await dependencies.audit.verify(on: dependencies.database.db, pageSize: 2)
            #expect(verifier.firstBreak == .sequenceGap(expected: 3, found: 4))
        }
    }

    @Test("two events swapped in order are caught")
    func reordered() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(6, dependencies)
            try await dropGuards(dependencies)
            let sql = try sql(dependencies)
            // three statements, because sequence is unique
            try await sql.raw("UPDATE audit_events SET sequence = -1 WHERE sequence = 2").run()
            try await sql.raw("UPDATE audit_events SET sequence = 2 WHERE sequence = 3").run()
            try await sql.raw("UPDATE audit_events SET sequence = 3 WHERE sequence = -1").run()
            let verifier = try await dependencies.audit.verify(on: dependencies.database.db)
            guard case .linkBroken(let sequence, _) = verifier.firstBreak else {
                Issue.record("expected a broken link, got \(String(describing: verifier.firstBreak))")
                return
            }
            #expect(sequence == 2)
        }
    }

    @Test("concurrent writers still produce one unbroken chain")
    func concurrent() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await record(10, dependencies) } }
                try await group.waitForAll()
            }
            let outcome = try await AuditCommands(dependencies).verify()
            #expect(outcome.problem == nil)
            #expect(outcome.count >= 80)
        }
    }
}
