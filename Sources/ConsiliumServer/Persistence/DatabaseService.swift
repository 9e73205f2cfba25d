import ConsiliumCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import ServiceLifecycle
import Synchronization

/// Fluent run as a service of the application: it opens the configured database, applies the
/// migrations, hands out `Database` handles and closes everything at shutdown.
///
/// SQLite allows one writer and, in write-ahead-log mode, any number of readers beside it. So a
/// SQLite database is opened twice: one writer connection (every handle for it is taken on one
/// event loop whose pool holds that single connection, so writers queue in the pool instead of
/// failing with SQLITE_BUSY), and a pool of read-only connections (`mode=ro`), one per reader
/// event loop. Each side blocks threads of its own pool (SQLite's calls are synchronous), so a
/// writer's sync to disk holds up neither the readers nor password hashing. `db` routes each Fluent query by what it does: reads and aggregates to a reader,
/// everything else, transactions and raw SQL to the writer. A reader sees every transaction
/// committed before its statement began, so a request reads what it wrote.
/// PostgreSQL's pool is concurrent already: `db` is a plain handle on it.
public struct DatabaseService: Service {
    let databases: Databases
    let logger: Logger
    let pinnedEventLoop: (any EventLoop)?
    let isPostgres: Bool
    /// The PostgreSQL schema this service keeps its tables in, when not the default.
    var schema: String? = nil
    /// SQLite's read-only connections, one per event loop of their own group.
    let readers: Databases?
    let readerGroup: MultiThreadedEventLoopGroup?
    /// The threads SQLite's calls block: the writer's one and the readers'.
    let sqliteThreads: [NIOThreadPool]
    /// The file behind an "in-memory" database (tests), removed at shutdown.
    let temporaryFile: String?
    /// Handles made once: `Databases.database(logger:on:)` takes a lock and builds a context on
    /// every call, and a request asks for `db` many times (the audit appender's benchmark spent
    /// a twelfth of its time there).
    private let handles = Handles()

    /// SQL is logged only at trace level, which production refuses: statements carry personal data.
    /// `poolTimeout` is how long a request waits for a connection before it is told the service
    /// is busy (a 503, see `ErrorPageMiddleware`). `sqliteReaders` is how many read-only
    /// connections SQLite gets (the default: two per core, at least four).
    public init(
        _ choice: AppConfig.DatabaseChoice, poolTimeout: Duration = .seconds(30), sqliteReaders: Int? = nil, logger: Logger
    ) throws {
        let timeout = TimeAmount.milliseconds(
            Int64(poolTimeout.components.seconds * 1000 + poolTimeout.components.attoseconds / 1_000_000_000_000_000))
        let group = MultiThreadedEventLoopGroup.singleton
        self.logger = logger
        let sqlitePath: String
        switch choice {
        case .sqliteFile(let path):
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            sqlitePath = path
            temporaryFile = nil
        case .sqliteMemory:
            // A private file rather than SQLite's `:memory:`, which one connection alone can see.
            sqlitePath = (NSTemporaryDirectory() as NSString).appendingPathComponent("consilium-\(UUID().uuidString).sqlite")
            temporaryFile = sqlitePath
        case .postgres(let url, let schema, let connectionsPerLoop):
            databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: connectionsPerLoop, connectionPoolTimeout: timeout,
                    sqlLogLevel: .trace), as: .psql)
            pinnedEventLoop = nil
            isPostgres = true
            self.schema = schema
            readers = nil
            readerGroup = nil
            sqliteThreads = []
            temporaryFile = nil
            return
        }
        let writerThread = NIOThreadPool(numberOfThreads: 1)
        writerThread.start()
        databases = Databases(threadPool: writerThread, on: group)
        databases.use(.sqlite(.file(sqlitePath), connectionPoolTimeout: timeout, sqlLogLevel: .trace), as: .sqlite)
        pinnedEventLoop = group.next()
        isPostgres = false
        let readerCount = max(1, sqliteReaders ?? max(4, 2 * System.coreCount))
        let readerGroup = MultiThreadedEventLoopGroup(numberOfThreads: readerCount)
        let readerThreads = NIOThreadPool(numberOfThreads: readerCount)
        readerThreads.start()
        let readers = Databases(threadPool: readerThreads, on: readerGroup)
        readers.use(
            .sqlite(.file(Self.readOnlyURI(sqlitePath)), connectionPoolTimeout: timeout, sqlLogLevel: .trace), as: .sqlite)
        self.readers = readers
        self.readerGroup = readerGroup
        self.sqliteThreads = [writerThread, readerThreads]
    }

    /// The handles of one service, made on first use (after `init`, once the drivers are set).
    private final class Handles: Sendable {
        private let state = NIOLockedValueBox<(writers: [any Database], readers: [any Database])?>(nil)
        private let turn = Atomic<UInt>(0)

        /// One writer handle per event loop of the writer's group (SQLite: the pinned loop alone)
        /// and one reader handle per reader loop.
        func handles(of service: DatabaseService) -> (writers: [any Database], readers: [any Database]) {
            state.withLockedValue { state in
                if let state { return state }
                let writerLoops: [any EventLoop] =
                    service.pinnedEventLoop.map { [$0] } ?? Array(service.databases.eventLoopGroup.makeIterator())
                // `database(logger:on:)` returns nil only after shutdown, which outlives every request.
                let made = (
                    writers: writerLoops.map { service.databases.database(logger: service.logger, on: $0)! },
                    readers: service.readers.map { readers in
                        Array(readers.eventLoopGroup.makeIterator()).map { readers.database(logger: service.logger, on: $0)! }
                    } ?? []
                )
                state = made
                return made
            }
        }

        /// The next of `handles`, in turn.
        func next(_ handles: [any Database]) -> any Database {
            handles[Int(turn.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(handles.count))]
        }
    }

    /// A URI that opens the file read-only: a reader connection cannot write even by mistake.
    static func readOnlyURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path, isDirectory: false).standardizedFileURL.absoluteString
        return absolute + "?mode=ro"
    }

    /// A handle on the database for one unit of work: on SQLite, reads go to a reader and
    /// writes to the single writer.
    public var db: any Database {
        let writer = writer
        guard let reader = readerHandle, let routed = RoutedDatabase(writer: writer, reader: reader) else {
            return WaitTimedDatabase(writer) ?? writer
        }
        return routed
    }

    /// A handle that only reads, for raw SQL that `db` would send to the writer. On PostgreSQL,
    /// the pool.
    public var reader: any Database {
        readerHandle ?? writer
    }

    private var writer: any Database {
        handles.next(handles.handles(of: self).writers)
    }

    private var readerHandle: (any Database)? {
        let readers = handles.handles(of: self).readers
        return readers.isEmpty ? nil : handles.next(readers)
    }

    /// Sets the connection's durability and locking behaviour, then applies pending migrations.
    /// Safe to run twice and from two processes: applied migrations are recorded and skipped.
    /// Applies pending migrations; `auditSealKey` seals the audit events already written when
    /// the seals arrive (see `SealAuditEvents`).
    func prepare(auditSealKey: AuditSealKey) async throws {
        try await configureConnection()
        let migrations = Migrations()
        migrations.addConsiliumMigrations(auditSealKey: auditSealKey)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: pinnedEventLoop ?? databases.eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// SQLite: write-ahead log, a full sync at every commit (a health record must survive a power
    /// cut), wait for a lock instead of failing at once, foreign keys enforced, temporary
    /// structures in memory.
    func configureConnection() async throws {
        guard let sql = writer as? any SQLDatabase else { return }
        if let schema {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        guard !isPostgres else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = FULL").run()
        try await sql.raw("PRAGMA busy_timeout = 10000").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        // A statement journal undoes one failed statement inside a transaction and is never
        // read after a crash (the write-ahead log is), so it can live in memory: a batch of
        // audit events no longer writes its pages to a temporary file before the log.
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
    }

    /// Whether the database answers a trivial query.
    public func isReady() async -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        do {
            try await sql.raw("SELECT 1").run()
            return true
        } catch {
            return false
        }
    }

    public func run() async throws {
        // Wait for the application to stop, then close connections.
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Closes connections: at the end of `run`, or when the service was used outside an
    /// application (commands).
    public func shutdown() async {
        if let readers {
            await readers.shutdownAsync()
            try? await readerGroup?.shutdownGracefully()
        }
        await databases.shutdownAsync()
        for pool in sqliteThreads { try? await pool.shutdownGracefully() }
        if let temporaryFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporaryFile + suffix) }
        }
    }
}

extension DatabaseService {
    /// Rows of `model` from plain SQL run on a reader, for the lookups every signed-in request
    /// makes (its session, its person): building such a query through Fluent and serialising it
    /// cost several times more than running it.
    /// A read refused for a moment is tried again, as `RoutedDatabase` does.
    func read<M: FluentKit.Model>(_ model: M.Type, _ query: SQLQueryString) async throws -> [M] {
        guard let sql = reader as? any SQLDatabase else { throw NotSQL() }
        var attempt = 0
        while true {
            do {
                return try await sql.raw(query).all(decodingFluent: M.self)
            } catch  where attempt < 40 && RoutedDatabase.isMomentarilyRefused(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(min(5 * attempt, 50)))
            }
        }
    }

    /// Every database the service runs on speaks SQL.
    struct NotSQL: Error {}
}
