import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import SQLiteNIO

/// A SQLite handle that sends each Fluent query to the connection that should run it: reads
/// and aggregates to a read-only connection, which runs beside the writer in write-ahead-log
/// mode; creates, updates, deletes, schema changes, transactions and raw SQL to the single
/// writer. Inside a transaction every query is on the transaction's own handle (the writer's
/// connection), never routed, so a transaction reads its own uncommitted changes.
struct RoutedDatabase: Database, SQLDatabase {
    let writer: any Database
    let reader: any Database
    private let writerSQL: any SQLDatabase

    /// Nil when the writer is not a SQL database (never, with the SQLite driver).
    init?(writer: any Database, reader: any Database) {
        guard let sql = writer as? any SQLDatabase else { return nil }
        self.writer = writer
        self.reader = reader
        self.writerSQL = sql
    }

    var context: DatabaseContext { writer.context }
    var inTransaction: Bool { false }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        switch query.action {
        case .read, .aggregate:
            read(query, onOutput: onOutput, attempt: 0)
        case .create, .update, .delete, .custom:
            writer.execute(query: query, onOutput: onOutput)
        }
    }

    /// A read-only connection has no busy timeout (the driver offers no way to set one). In
    /// write-ahead-log mode a reader is refused only for a moment, such as while a process that
    /// has just opened the file recovers the log, so a refused read that returned nothing yet
    /// is tried again, for about two seconds in all.
    private func read(
        _ query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void, attempt: Int
    ) -> EventLoopFuture<Void> {
        let delivered = NIOLockedValueBox(false)
        return reader.execute(query: query) { output in
            delivered.withLockedValue { $0 = true }
            onOutput(output)
        }.flatMapError { error in
            guard attempt < 40, !delivered.withLockedValue({ $0 }), Self.isMomentarilyRefused(error) else {
                return reader.eventLoop.makeFailedFuture(error)
            }
            return reader.eventLoop.scheduleTask(in: .milliseconds(Int64(min(5 * (attempt + 1), 50)))) {}.futureResult
                .flatMap { read(query, onOutput: onOutput, attempt: attempt + 1) }
        }
    }

    static func isMomentarilyRefused(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        return [.busy, .locked, .busyInRecovery, .busyInSnapshot].contains(sqlite.reason)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { writer.execute(schema: schema) }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { writer.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        writer.transaction(ConnectionWait.timing(closure))
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        writer.withConnection(ConnectionWait.timing(closure))
    }

    // Raw SQL cannot be told apart by what it does: it goes to the writer. Hot read-only raw
    // SQL asks for `DatabaseService.reader` instead.

    var logger: Logger { writerSQL.logger }
    var eventLoop: any EventLoop { writer.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { writerSQL.version }
    var dialect: any SQLDialect { writerSQL.dialect }
    var queryLogLevel: Logger.Level? { writerSQL.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        writerSQL.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await writerSQL.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writerSQL.withSession(closure)
    }
}

/// How long work waited for its connection: from asking for a transaction (or a connection) to
/// holding it, which is the pool's queue, on SQLite the single writer's, plus `BEGIN`. Reported
/// as `consilium_database_connection_wait_seconds`.
enum ConnectionWait {
    static func timing<T>(
        _ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>
    ) -> @Sendable (any Database) -> EventLoopFuture<T> {
        let asked = ContinuousClock.now
        return { database in
            ServiceMetrics.databaseConnectionWait.record(duration: ContinuousClock.now - asked)
            return closure(database)
        }
    }
}

/// PostgreSQL's pooled handle, with the time each transaction waited for its connection
/// measured (`ConnectionWait`); everything else passes straight through.
struct WaitTimedDatabase: Database, SQLDatabase {
    let base: any Database
    private let sql: any SQLDatabase

    init?(_ base: any Database) {
        guard let sql = base as? any SQLDatabase else { return nil }
        self.base = base
        self.sql = sql
    }

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.transaction(ConnectionWait.timing(closure))
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection(ConnectionWait.timing(closure))
    }

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await sql.withSession(closure)
    }
}
