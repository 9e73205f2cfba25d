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
            try await sql.raw("DROP TRIGGER audit_seals_append_only ON audit_seals").run()
        } else {
            for trigger in ["audit_events_no_update", "audit_events_no_delete", "audit_seals_no_update", "audit_seals_no_delete"] {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: trigger)").run()
            }
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

    @Test("a rewritten tail whose SHA-256 chain was recomputed is caught: it carries no seal made with the key")
    func rewrittenTail() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(6, dependencies)
            try await dropGuards(dependencies)
            // the last event, edited and re-hashed as someone with write access but without the key could
            let last = try #require(try await AuditEventModel.query(on: dependencies.database.db).sort(\.$sequence, .descending).first())
            last.clientAddress = "10.9.9.9"
            last.hash = last.chainEntry.computedHash
            try await last.update(on: dependencies.database.db)
            let structural = AuditChain.Verifier()
            #expect(structural.checksSeals == false)
            let outcome = try await AuditCommands(dependencies).verify()
            #expect(outcome.problem == AuditChain.Break.unsealed(sequence: last.sequence).description)
            // a seal forged with a key that is not the installation's does not help
            let forger = AuditSealKey(masterKeyID: "2026-11", masterKey: .init(size: .bits256))
            try await AuditSealModel.query(on: dependencies.database.db).filter(\.$id == last.sequence).delete()
            try await AuditSealModel(sequence: last.sequence, keyID: forger.id, mac: forger.seal(sequence: last.sequence, hash: last.hash))
                .create(on: dependencies.database.db)
            #expect(
                try await AuditCommands(dependencies).verify().problem == AuditChain.Break.unsealed(sequence: last.sequence).description)
        }
    }

    @Test("events cut from the end pass the chain but not a head kept from before (--expect-head)")
    func truncated() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await record(6, dependencies)
            let kept = try await AuditCommands(dependencies).verify()
            #expect(kept.problem == nil)
            // more events later: the kept head is still passed through
            try await record(2, dependencies)
            #expect(try await AuditCommands(dependencies).verify(expectedHead: kept.head).problem == nil)
            try await dropGuards(dependencies)
            let cut = kept.count - 1
            try await sql(dependencies).raw("DELETE FROM audit_events WHERE sequence >= \(bind: cut)").run()
            try await sql(dependencies).raw("DELETE FROM audit_seals WHERE sequence >= \(bind: cut)").run()
            #expect(try await AuditCommands(dependencies).verify().problem == nil)
            let outcome = try await AuditCommands(dependencies).verify(expectedHead: kept.head)
            #expect(outcome.problem?.contains("no longer passes through the head") == true)
        }
    }

    @Test("pages and the export show the time the chain covers, not the unhashed column")
    func shownTimeIsHashed() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            try await record(1, dependencies)
            try await dropGuards(dependencies)
            try await sql(dependencies).raw("UPDATE audit_events SET occurred_at = \(bind: Date(timeIntervalSince1970: 978_307_200))").run()
            try await browser.signIn("grace.okafor@example.org", Fixtures.password)
            let csv = try await browser.get("/admin/audit.csv")
            #expect(csv.status == .ok)
            #expect(!csv.text.contains("2001-01-01"))
            #expect(csv.text.contains(String(Calendar(identifier: .gregorian).component(.year, from: Date()))))
            let page = try await browser.get("/admin/audit")
            #expect(!page.text.contains("January 1, 2001"))
            #expect(page.text.contains(DisplayDate.long(Date()).prefix(while: { $0 != "," })))
        }
    }
}
