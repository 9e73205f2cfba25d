import ConsiliumCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import ServiceLifecycle

/// Fluent run as a service of the application: it opens the configured database, applies the
/// migrations, hands out `Database` handles and closes everything at shutdown.
public struct DatabaseService: Service {
    let databases: Databases
    let logger: Logger
    /// SQLite allows one writer: every handle is taken on one event loop, whose pool holds a
    /// single connection, so requests queue in the pool instead of failing with SQLITE_BUSY.
    let pinnedEventLoop: (any EventLoop)?
    let isPostgres: Bool
    /// The PostgreSQL schema this service keeps its tables in, when not the default.
    var schema: String? = nil

    /// SQL is logged only at trace level, which production refuses: statements carry personal data.
    /// `poolTimeout` is how long a request waits for a connection before it is told the service
    /// is busy (a 503, see `ErrorPageMiddleware`).
    public init(_ choice: AppConfig.DatabaseChoice, poolTimeout: Duration = .seconds(30), logger: Logger) throws {
        let timeout = TimeAmount.milliseconds(
            Int64(poolTimeout.components.seconds * 1000 + poolTimeout.components.attoseconds / 1_000_000_000_000_000))
        let group = MultiThreadedEventLoopGroup.singleton
        self.databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        self.logger = logger
        switch choice {
        case .sqliteFile(let path):
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), connectionPoolTimeout: timeout, sqlLogLevel: .trace), as: .sqlite)
            pinnedEventLoop = group.next()
            isPostgres = false
        case .sqliteMemory:
            databases.use(.sqlite(.memory, connectionPoolTimeout: timeout, sqlLogLevel: .trace), as: .sqlite)
            pinnedEventLoop = group.next()
            isPostgres = false
        case .postgres(let url, let schema, let connectionsPerLoop):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: connectionsPerLoop, connectionPoolTimeout: timeout,
                    sqlLogLevel: .trace), as: .psql)
            pinnedEventLoop = nil
            isPostgres = true
            self.schema = schema
        }
    }

    /// A handle on the database for one unit of work.
    public var db: any Database {
        let loop = pinnedEventLoop ?? databases.eventLoopGroup.any()
        // `database(logger:on:)` returns nil only after shutdown, which outlives every request.
        return databases.database(logger: logger, on: loop)!
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
    /// cut), wait for a lock instead of failing at once, foreign keys enforced.
    func configureConnection() async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if let schema {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        guard !isPostgres else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = FULL").run()
        try await sql.raw("PRAGMA busy_timeout = 10000").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
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
        await databases.shutdownAsync()
    }

    /// Closes connections when the service was used outside an application (commands).
    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
