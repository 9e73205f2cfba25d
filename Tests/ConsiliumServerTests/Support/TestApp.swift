import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing

@testable import ConsiliumServer

/// Runs a test against a whole application on its own empty database: in-memory SQLite, or a
/// fresh schema on the PostgreSQL named by `DATABASE_URL` when the test command sets it.
enum TestApp {
    /// The environment every test starts from; tests change what they exercise.
    static func configuration(_ overrides: [String: String] = [:]) throws -> AppConfig {
        var variables = [
            "CONSILIUM_ENV": "test",
            "CONSILIUM_BCRYPT_COST": "4",
            "CONSILIUM_BASE_URL": "http://consilium.test",
            "CONSILIUM_DATA_DIR": NSTemporaryDirectory() + "consilium-tests-" + UUID().uuidString,
            "CONSILIUM_LOG_LEVEL": "warning",
        ]
        variables.merge(overrides) { $1 }
        var config = try AppConfig.load(from: variables)
        config.database = databaseChoice()
        // Every test runs at once, each with its own database: two readers each are plenty.
        config.sqliteReaders = 2
        config.storage = S3TestStore.storageChoice()
        return config
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func databaseChoice() -> AppConfig.DatabaseChoice {
        guard let url = postgresURL else { return .sqliteMemory }
        // Tests run side by side, each with its own pool: small pools keep them under PostgreSQL's connection limit.
        return .postgres(
            url: url, schema: "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased(), connectionsPerLoop: 3)
    }

    /// Makes dependencies, runs `body`, then closes the database and drops a test schema.
    static func withDependencies<T>(
        _ config: AppConfig, _ body: (AppDependencies) async throws -> T
    ) async throws -> T {
        try await PostgresSlots.shared.holding(config.database) { try await withDependenciesNow(config, body) }
    }

    private static func withDependenciesNow<T>(
        _ config: AppConfig, _ body: (AppDependencies) async throws -> T
    ) async throws -> T {
        let dependencies = try await makeDependencies(config)
        let result: Result<T, any Error>
        do { result = .success(try await body(dependencies)) } catch { result = .failure(error) }
        await dependencies.shutdown()
        await dropSchema(config.database)
        return try result.get()
    }

    /// Runs `body` with a browser-like client against the application built from `config`.
    static func run(
        _ config: AppConfig? = nil, _ body: @escaping @Sendable (TestBrowser, AppDependencies) async throws -> Void
    ) async throws {
        let config = try config ?? configuration()
        try await PostgresSlots.shared.holding(config.database) { try await runNow(config, body) }
    }

    private static func runNow(
        _ config: AppConfig, _ body: @escaping @Sendable (TestBrowser, AppDependencies) async throws -> Void
    ) async throws {
        let dependencies = try await makeDependencies(config)
        let app = try await buildApplication(dependencies)
        let result: Result<Void, any Error>
        do {
            try await app.test(.router) { client in
                let codes: @Sendable (String) async throws -> String = { email in
                    try await Fixtures.currentCode(dependencies, email: email)
                }
                try await body(TestBrowser(client: client, origin: config.origin, twoFactorCode: codes), dependencies)
            }
            result = .success(())
        } catch {
            result = .failure(error)
        }
        // The application closed the database as it stopped.
        await dropSchema(config.database)
        try result.get()
    }

    /// Like `run`, against a real server on a loopback port, for tests that need a request to
    /// stay open while others run (see `HeldRequest`); `body` gets the port too.
    static func runLive(
        _ config: AppConfig? = nil, _ body: @escaping @Sendable (TestBrowser, AppDependencies, Int) async throws -> Void
    ) async throws {
        var config = try config ?? configuration()
        config.hostname = "127.0.0.1"
        config.port = 0
        try await PostgresSlots.shared.holding(config.database) { [config] in
            let dependencies = try await makeDependencies(config)
            let app = try await buildApplication(dependencies)
            let result: Result<Void, any Error>
            do {
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    try await body(TestBrowser(client: client, origin: config.origin), dependencies, port)
                }
                result = .success(())
            } catch {
                result = .failure(error)
            }
            await dropSchema(config.database)
            try result.get()
        }
    }

    /// The dependencies of `config`, after creating the shared test bucket when records go to S3.
    static func makeDependencies(_ config: AppConfig) async throws -> AppDependencies {
        if case .s3(let settings) = config.storage { try await S3TestStore.ensureBucket(settings) }
        return try await AppDependencies.make(config: config, logger: logger)
    }

    /// Drops a PostgreSQL test schema over a short-lived connection of its own.
    private static func dropSchema(_ database: AppConfig.DatabaseChoice) async {
        guard case .postgres(let url, let schema?, _) = database,
            let service = try? DatabaseService(.postgres(url: url, connectionsPerLoop: 1), logger: logger)
        else { return }
        try? await (service.db as? any SQLDatabase)?.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        await service.shutdown()
    }

    static let logger: Logger = {
        var logger = Logger(label: "consilium-tests")
        logger.logLevel = .warning
        return logger
    }()
}

/// Swift Testing runs every test at once; on PostgreSQL each application holds its own pool,
/// and together they ran past the cluster's connection limit. At most `width` applications
/// run on PostgreSQL at a time (a test already holding a slot does not wait for another).
actor PostgresSlots {
    static let shared = PostgresSlots(width: 12)

    @TaskLocal static var holding = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { free = width }

    nonisolated func holding<T>(_ database: AppConfig.DatabaseChoice, _ body: () async throws -> T) async throws -> T {
        guard case .postgres = database, !Self.holding else { return try await body() }
        await acquire()
        do {
            let result = try await Self.$holding.withValue(true) { try await body() }
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
