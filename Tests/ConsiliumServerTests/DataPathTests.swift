import ConsiliumCore
import FluentKit
import Foundation
import SQLKit
import Synchronization
import Testing

@testable import ConsiliumServer

/// Holds the database's writer in an open transaction that has written a row, until released:
/// on SQLite, the one writer connection and the file's write lock; on PostgreSQL, a connection.
struct HeldWriter {
    private let release: AsyncStream<Void>.Continuation
    private let task: Task<Void, any Error>

    /// `holdingAuditChain` also takes, on PostgreSQL, the lock that every audit append takes.
    init(_ database: DatabaseService, holdingAuditChain: Bool = false) async throws {
        let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        self.release = release
        task = Task {
            try await database.db.transaction { tx in
                try await SessionRecord(idHash: SecureToken.hash(UUID().uuidString), userID: nil, data: Data("{}".utf8), expiresAt: nil)
                    .create(on: tx)
                if holdingAuditChain, let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                    try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: AuditLog.appendLock))").run()
                }
                startedSignal.yield()
                for await _ in released { break }
            }
        }
        for await _ in started { break }
    }

    func finish() async throws {
        release.yield()
        release.finish()
        try await task.value
    }
}

@Suite("The data path: reads beside the writer")
struct DataPathTests {
    /// A short wait for a connection: a read that queued behind the writer fails fast instead of hanging.
    static func configuration() throws -> AppConfig {
        var config = try TestApp.configuration()
        config.databasePoolTimeout = .seconds(3)
        return config
    }

    @Test("reads run while a transaction holds the writer, and see what was committed before")
    func readsBesideWriter() async throws {
        try await TestApp.withDependencies(try Self.configuration()) { dependencies in
            try await Fixtures.user(dependencies)
            let held = try await HeldWriter(dependencies.database)
            let user = try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.ellis@example.org").first()
            #expect(user?.displayName == "Margaret Ellis")
            // the held transaction's own row is not visible until it commits
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 0)
            try await held.finish()
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 1)
        }
    }

    @Test("a signed-in page that records nothing is served while the writer is held")
    func signedInPageBesideWriter() async throws {
        try await TestApp.run(try Self.configuration()) { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let held = try await HeldWriter(dependencies.database)
            let page = try await browser.get("/account/password")
            try await held.finish()
            #expect(page.status == .ok)
            #expect(page.text.contains("Change your password"))
        }
    }

    @Test("a SQLite reader connection refuses to write")
    func readerCannotWrite() async throws {
        try await TestApp.withDependencies(try Self.configuration()) { dependencies in
            guard !dependencies.database.isPostgres else { return }
            let reader = try #require(dependencies.database.reader as? any SQLDatabase)
            await #expect(throws: (any Error).self) {
                try await reader.raw("DELETE FROM users").run()
            }
        }
    }

    @Test("the audit search reads the newest matches in index order instead of sorting every match")
    func auditSearchPlan() async throws {
        try await TestApp.withDependencies(try Self.configuration()) { dependencies in
            guard !dependencies.database.isPostgres else { return }  // PostgreSQL plans by table size; this one is empty
            let sql = try #require(dependencies.database.reader as? any SQLDatabase)
            for column in ["action", "actor_user_id", "patient_id"] {
                let rows = try await sql.raw(
                    "EXPLAIN QUERY PLAN SELECT * FROM audit_events WHERE \(ident: column) = 'x' ORDER BY sequence DESC LIMIT 51"
                ).all()
                let plan = try rows.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                #expect(!plan.contains("TEMP B-TREE"), "\(column): \(plan)")
                #expect(plan.contains("_sequence_idx"), "\(column): \(plan)")
            }
        }
    }

    @Test("the reader URI names the file and opens it read-only")
    func readOnlyURI() {
        #expect(DatabaseService.readOnlyURI("/tmp/a b/consilium.sqlite") == "file:///tmp/a%20b/consilium.sqlite?mode=ro")
    }
}

@Suite("Audit events share commits, and are acknowledged only once durable")
struct AuditGroupCommitTests {
    func view(_ index: Int) -> AuditLog.Subject { .init(type: "Case", id: "case-\(index)", patientID: nil) }

    @Test("events recorded at once are chained in one line, in fewer commits than events")
    func groupCommit() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            let before = try await AuditEventModel.query(on: dependencies.database.db).count()
            let appender = try #require(dependencies.audit.appender)
            let commitsBefore = await appender.commits
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await dependencies.audit.record(.caseViewed, by: .system, on: view(index), in: dependencies.database.db)
                    }
                }
                try await group.waitForAll()
            }
            let events = try await AuditEventModel.query(on: dependencies.database.db).sort(\.$sequence).all()
            #expect(events.count == before + 200)
            #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
            #expect(Set(events.compactMap(\.objectID).filter { $0.hasPrefix("case-") }).count == 200)
            let commits = await appender.commits - commitsBefore
            #expect(commits >= 1 && commits < 200)
            // ids in time order, so the id index grows at its end: in chain order, each event's
            // id carries a millisecond no earlier than the one before it by more than a moment
            let ids = events.suffix(200).compactMap(\.id)
            #expect(ids.count == 200)
            let milliseconds = ids.map(TimeOrderedID.milliseconds(of:))
            #expect(milliseconds.allSatisfy { abs(Double($0) - Date().timeIntervalSince1970 * 1000) < 60_000 })
            #expect(zip(milliseconds, milliseconds.dropFirst()).allSatisfy { $0 <= $1 + 1000 })
            let outcome = try await AuditCommands(dependencies).verify()
            #expect(outcome.problem == nil)
        }
    }

    @Test("an event is not acknowledged while its commit cannot happen")
    func acknowledgedAfterCommit() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            let held = try await HeldWriter(dependencies.database, holdingAuditChain: true)
            let done = ManagedAtomicFlag()
            let recording = Task {
                try await dependencies.audit.record(.caseViewed, by: .system, on: view(1), in: dependencies.database.db)
                done.set()
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(!done.isSet)
            #expect(try await AuditEventModel.query(on: dependencies.database.db).filter(\.$objectID == "case-1").count() == 0)
            try await held.finish()
            try await recording.value
            #expect(done.isSet)
            #expect(try await AuditEventModel.query(on: dependencies.database.db).filter(\.$objectID == "case-1").count() == 1)
        }
    }

    @Test("an event recorded in a change's transaction commits or rolls back with it, between batched events")
    func insideTransaction() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            struct Refused: Error {}
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await dependencies.audit.record(.caseViewed, by: .system, on: view(index), in: dependencies.database.db)
                    }
                }
                group.addTask {
                    try await dependencies.database.db.transaction { tx in
                        try await dependencies.audit.record(.caseViewed, by: .system, on: view(1000), in: tx)
                    }
                    await #expect(throws: Refused.self) {
                        try await dependencies.database.db.transaction { tx in
                            try await dependencies.audit.record(.caseViewed, by: .system, on: view(1001), in: tx)
                            throw Refused()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let ids = try await AuditEventModel.query(on: dependencies.database.db).all().compactMap(\.objectID)
            #expect(ids.contains("case-1000"))
            #expect(!ids.contains("case-1001"))
            #expect(ids.filter { $0.hasPrefix("case-") }.count == 41)
            let outcome = try await AuditCommands(dependencies).verify()
            #expect(outcome.problem == nil)
        }
    }
}

/// A flag set once from one task and read from another.
final class ManagedAtomicFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
