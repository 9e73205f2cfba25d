import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import SQLKit
import Testing

@testable import ConsiliumServer

@Suite("Configuration, migrations and commands")
struct ConfigurationTests {
    @Test("development starts with safe defaults and nothing set")
    func defaults() throws {
        let config = try AppConfig.load(from: [:])
        #expect(config.environment == .development)
        #expect(config.port == 8080)
        #expect(config.baseURL.absoluteString == "http://127.0.0.1:8080")
        #expect(config.database == .sqliteFile(path: "./data/consilium.sqlite"))
        #expect(config.bcryptCost >= 12)
        #expect(config.serviceArea.serves(country: "US", state: "MA"))
        #expect(config.sessionLifetime.idleTimeout == 30 * 60)
        #expect(config.sessionLifetime.absoluteTimeout == 12 * 3600)
    }

    @Test("every missing or malformed variable is named at once")
    func everyProblemNamed() {
        let variables = [
            "CONSILIUM_ENV": "production", "CONSILIUM_PORT": "eighty", "CONSILIUM_BCRYPT_COST": "10",
            "CONSILIUM_EXCLUDED_US_STATES": "NY,ZZ", "CONSILIUM_MAIL_TRANSPORT": "pigeon", "DATABASE_URL": "mysql://x",
        ]
        do {
            _ = try AppConfig.load(from: variables)
            Issue.record("a broken configuration was accepted")
        } catch let error as ConfigError {
            let text = error.description
            for name in [
                "CONSILIUM_PORT", "CONSILIUM_BCRYPT_COST", "CONSILIUM_EXCLUDED_US_STATES: \"ZZ\"", "CONSILIUM_MAIL_TRANSPORT",
                "DATABASE_URL", "CONSILIUM_BASE_URL is required", "CONSILIUM_INSTITUTION_NAME is required",
                "CONSILIUM_SERVICE_PHONE is required", "CONSILIUM_GOVERNING_LAW is required", "CONSILIUM_VENUE is required",
                "CONSILIUM_MASTER_KEY is required",
            ] {
                #expect(text.contains(name), "missing: \(name)")
            }
            #expect(!text.contains("\"NY\""))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a master key's id is letters, digits, - _ and . (it is written into seals and the rotation event)")
    func masterKeyIDs() throws {
        let key = Data(repeating: 7, count: 32).base64EncodedString()
        #expect(try AppConfig.load(from: ["CONSILIUM_MASTER_KEY": "2026-11_a.b:" + key]).masterKey == "2026-11_a.b:" + key)
        for id in ["a;b", "a b", "a=b", "ü"] {
            #expect(throws: ConfigError.self, "\(id)") { try AppConfig.load(from: ["CONSILIUM_MASTER_KEY": id + ":" + key]) }
            #expect(throws: ConfigError.self, "\(id)") {
                try AppConfig.load(from: ["CONSILIUM_PREVIOUS_MASTER_KEYS": "2026-01:\(key),\(id):\(key)"])
            }
        }
    }

    @Test("development, the default, refuses to listen beyond loopback unless CONSILIUM_ENV is set on purpose")
    func developmentOnANetwork() throws {
        for host in ["0.0.0.0", "192.0.2.10", "::", "opinions.example.org"] {
            #expect(throws: ConfigError.self) { try AppConfig.load(from: ["CONSILIUM_HOSTNAME": host]) }
        }
        for host in ["127.0.0.1", "127.0.0.2", "localhost"] {
            #expect(try AppConfig.load(from: ["CONSILIUM_HOSTNAME": host]).hostname == host)
        }
        #expect(try AppConfig.load(from: ["CONSILIUM_HOSTNAME": "0.0.0.0", "CONSILIUM_ENV": "development"]).hostname == "0.0.0.0")
        // the serve command's --hostname is checked the same way
        var config = try AppConfig.load(from: [:])
        config.listen(hostname: "0.0.0.0", port: nil)
        #expect(throws: ConfigError.self) { try config.checkServing() }
    }

    @Test("production refuses an http:// base URL, except on loopback behind a local proxy")
    func productionNeedsHTTPS() throws {
        var variables = [
            "CONSILIUM_ENV": "production", "CONSILIUM_BASE_URL": "http://opinions.example.org",
            "CONSILIUM_INSTITUTION_NAME": "Example Health", "CONSILIUM_SERVICE_PHONE": "(555) 010-0100",
            "CONSILIUM_GOVERNING_LAW": "the Commonwealth of Massachusetts", "CONSILIUM_VENUE": "Suffolk County, Massachusetts",
            "CONSILIUM_MASTER_KEY": "2026-11:" + Data(repeating: 7, count: 32).base64EncodedString(),
        ]
        let error = try #require(throws: ConfigError.self) { try AppConfig.load(from: variables) }
        #expect(error.problems.contains { $0.hasPrefix("CONSILIUM_BASE_URL: production needs an https://") })
        variables["CONSILIUM_BASE_URL"] = "http://127.0.0.1:8080"
        #expect(try AppConfig.load(from: variables).usesHTTPS == false)
        variables["CONSILIUM_BASE_URL"] = "https://opinions.example.org"
        #expect(try AppConfig.load(from: variables).usesHTTPS)
    }

    @Test("a production configuration with everything set loads")
    func production() throws {
        let config = try AppConfig.load(from: [
            "CONSILIUM_ENV": "production", "CONSILIUM_BASE_URL": "https://opinions.example.org",
            "CONSILIUM_INSTITUTION_NAME": "Example Health", "CONSILIUM_SERVICE_PHONE": "(617) 555-0100",
            "CONSILIUM_GOVERNING_LAW": "the State of Example", "CONSILIUM_VENUE": "Example County",
            "DATABASE_URL": "postgres://consilium@db.internal:5432/consilium?sslmode=require",
            "CONSILIUM_MAIL_TRANSPORT": "smtp", "CONSILIUM_SMTP_HOST": "smtp.example.org",
            "CONSILIUM_MASTER_KEY": "2026-11:" + Data(repeating: 7, count: 32).base64EncodedString(),
        ])
        #expect(config.usesHTTPS)
        #expect(config.origin == "https://opinions.example.org")
        #expect(config.mail.transport == .smtp(.init(host: "smtp.example.org", port: 587, security: .starttls)))
    }

    @Test("X-Forwarded-For is believed only from the proxies named, and its last entry only; storage settings are read whole")
    func proxiesAndStorage() throws {
        let config = try AppConfig.load(from: ["CONSILIUM_TRUSTED_PROXIES": "127.0.0.1, ::1"])
        #expect(config.trustedProxies == ["127.0.0.1", "::1"])
        #expect(config.storage == .localFolder)
        var head = HTTPRequest(method: .get, scheme: "http", authority: "x", path: "/")
        head.headerFields[.xForwardedFor] = "6.6.6.6, 203.0.113.9"
        let request = Request(head: head, body: .init(buffer: ByteBuffer()))
        #expect(
            ClientAddress.of(request, peer: "127.0.0.1", trustForwardedFor: false, trustedProxies: config.trustedProxies) == "203.0.113.9")
        #expect(ClientAddress.of(request, peer: "10.0.0.5", trustForwardedFor: false, trustedProxies: config.trustedProxies) == "10.0.0.5")
        #expect(ClientAddress.of(request, peer: "10.0.0.5", trustForwardedFor: true) == "203.0.113.9")
        #expect {
            _ = try AppConfig.load(from: [
                "CONSILIUM_TRUSTED_PROXIES": "127.0.0.1,proxy.internal", "CONSILIUM_STORAGE_URL": "s3://records/prod",
                "CONSILIUM_S3_ENDPOINT": "ftp://x",
            ])
        } throws: { error in
            let text = "\(error)"
            return text.contains("\"proxy.internal\" is not an IP address") && text.contains("CONSILIUM_S3_ENDPOINT must be an http(s)")
                && text.contains("CONSILIUM_S3_ACCESS_KEY is required") && text.contains("CONSILIUM_S3_SECRET_KEY is required")
        }
        let s3 = try AppConfig.load(from: [
            "CONSILIUM_STORAGE_URL": "s3://records/prod", "CONSILIUM_S3_ENDPOINT": "http://127.0.0.1:7480",
            "CONSILIUM_S3_ACCESS_KEY": "a", "CONSILIUM_S3_SECRET_KEY": "b",
        ])
        guard case .s3(let settings) = s3.storage else { Issue.record("not S3: \(s3.storage)"); return }
        #expect(settings.location.bucket == "records" && settings.location.prefix == "prod/" && settings.region == "us-east-1")
        #expect(try AppConfig.load(from: ["CONSILIUM_STORAGE_URL": "file:"]).storage == .localFolder)
    }

    @Test("a base URL with a path or query is refused")
    func baseURLShape() {
        #expect(throws: ConfigError.self) { try AppConfig.load(from: ["CONSILIUM_BASE_URL": "https://x.example/app"]) }
        #expect(throws: ConfigError.self) { try AppConfig.load(from: ["CONSILIUM_BASE_URL": "ftp://x.example"]) }
    }

    @Test("serve --port moves a derived base URL along, not an explicit one")
    func listen() throws {
        var derived = try AppConfig.load(from: [:])
        derived.listen(hostname: nil, port: 9000)
        #expect(derived.baseURL.absoluteString == "http://127.0.0.1:9000")
        var explicit = try AppConfig.load(from: ["CONSILIUM_BASE_URL": "https://opinions.example.org"])
        explicit.listen(hostname: "0.0.0.0", port: 9000)
        #expect(explicit.baseURL.absoluteString == "https://opinions.example.org")
    }

    @Test("migrations are safe to run twice, and the SQLite file gets WAL and full sync")
    func migrationsTwice() async throws {
        let directory = NSTemporaryDirectory() + "consilium-migrate-" + UUID().uuidString
        var config = try TestApp.configuration(["CONSILIUM_DATA_DIR": directory])
        if TestApp.postgresURL == nil {
            config.database = .sqliteFile(path: directory + "/consilium.sqlite")
        }
        try await TestApp.withDependencies(config) { dependencies in
            try await dependencies.database.prepare(auditSealKey: dependencies.audit.sealKey)
            try await Fixtures.user(dependencies)
            try await dependencies.database.prepare(auditSealKey: dependencies.audit.sealKey)
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 1)
            if TestApp.postgresURL == nil {
                let sql = try #require(dependencies.database.db as? any SQLDatabase)
                let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                #expect(mode == "wal")
                let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
                #expect(sync == 2)
                let keys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
                #expect(keys == 1)
                let busy = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                #expect((busy ?? 0) > 0)
                // statement journals in memory (2), not in temporary files
                let temp = try await sql.raw("PRAGMA temp_store").first()?.decode(column: "temp_store", as: Int.self)
                #expect(temp == 2)
            }
        }
        if TestApp.postgresURL == nil {
            #expect(FileManager.default.fileExists(atPath: directory + "/consilium.sqlite"))
        }
    }

    @Test("one email, one account, whatever its case; the unique index decides")
    func uniqueEmail() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await Fixtures.user(dependencies)
            await #expect(throws: AccountService.CreateError.emailTaken) {
                try await Fixtures.user(dependencies, email: "MARGARET.ELLIS@example.org")
            }
            // parallel creations of one new email: exactly one wins
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    group.addTask { (try? await Fixtures.user(dependencies, email: "same@example.org")) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
        }
    }

    @Test("create-user makes a verified staff account and refuses other roles and weak passwords")
    func createUser() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            let commands = UserCommands(dependencies)
            let password = GeneratedPassword.make()
            #expect(PasswordPolicy().failures(for: password).isEmpty)
            try await commands.createStaffUser(
                role: .coordinator, email: "Miguel.Santos@example.org", name: "Miguel Santos", password: password)
            let user = try #require(try await UserModel.query(on: dependencies.database.db).first())
            #expect(user.email == "miguel.santos@example.org")
            #expect(user.role == .coordinator)
            #expect(user.isVerified)
            #expect(!user.passwordHash.contains(password))
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.createStaffUser(role: .patient, email: "p@example.org", name: "P", password: password)
            }
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.createStaffUser(
                    role: .consultant, email: "c@example.org", name: "C", password: "weak", specialty: "Cardiology")
            }
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.createStaffUser(
                    role: .consultant, email: "c@example.org", name: "C", password: password, specialty: "Astrology")
            }
            try await commands.createStaffUser(
                role: .consultant, email: "helen.park@example.org", name: "Helen Park", password: password, specialty: "Cardiology")
            #expect(try await ConsultantProfileModel.query(on: dependencies.database.db).first()?.specialty == "Cardiology")
            let audit = try await AuditEventModel.query(on: dependencies.database.db).all()
            #expect(audit.map(\.action) == [AuditAction.userCreated.rawValue, AuditAction.userCreated.rawValue])
        }
    }

    @Test("demo data gives one account of every role, only into an empty database")
    func demo() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            let accounts = try await DemoData(dependencies).populate()
            #expect(Set(accounts.map(\.role)) == Set(Role.allCases))
            #expect(try await PhysicianProfileModel.query(on: dependencies.database.db).count() == 2)
            await #expect(throws: UserCommands.Refusal.self) { try await DemoData(dependencies).populate() }
        }
    }
}
