import ArgumentParser
import ConsiliumCore
import ConsiliumServer
import Foundation
import Hummingbird

/// The `consilium` command: runs the service and its operator tasks.
@main
struct Consilium: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consilium",
        abstract: "An online second-opinion service.",
        subcommands: [
            Serve.self, Migrate.self, CreateUser.self, ResetTwoFactor.self, Demo.self, AgreementCommand.self, AuditCommand.self,
            StorageCommand.self, HousekeepingRun.self, KeysCommand.self, BackupCommand.self, RestoreCommand.self,
            QRCommand.self,
            MeasureBcrypt.self,
            BenchSeedCommand.self, BenchAuditCommand.self,
        ],
        defaultSubcommand: Serve.self
    )

    /// Sets the log format before anything logs, then runs the command as ArgumentParser would.
    static func main() async {
        LogFormat.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Loads the configuration or stops with every problem named (exit status 78, EX_CONFIG).
func loadConfiguration() throws -> AppConfig {
    do {
        return try AppConfig.load()
    } catch let error as ConfigError {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitCode(78)
    }
}

/// Opens the service's dependencies from the environment, runs `body`, and closes them
/// whether it succeeded or not.
func withDependencies<T>(_ body: (AppDependencies) async throws -> T) async throws -> T {
    let dependencies = try await AppDependencies.make(config: try loadConfiguration())
    do {
        let result = try await body(dependencies)
        await dependencies.shutdown()
        return result
    } catch {
        await dependencies.shutdown()
        throw error
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply migrations and serve the site (the default).")

    @Option(help: "Address to listen on (default: CONSILIUM_HOSTNAME or 127.0.0.1).") var hostname: String?
    @Option(help: "Port to listen on (default: CONSILIUM_PORT or 8080).") var port: Int?

    func run() async throws {
        var config = try loadConfiguration()
        config.listen(hostname: hostname, port: port)
        do {
            try config.checkServing()
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(78)
        }
        try await serve(try await AppDependencies.make(config: config))
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    func run() async throws {
        let dependencies = try await AppDependencies.make(config: try loadConfiguration())
        await dependencies.shutdown()
        print("Database is up to date.")
    }
}

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user", abstract: "Create a staff account: administrator, coordinator or consultant.")

    @Option(help: "administrator, coordinator or consultant") var role: String
    @Option(help: "The person's email address; they sign in with it.") var email: String
    @Option(help: "The person's name as shown in the service (default: the email's local part).") var name: String?
    @Flag(help: "Generate a password instead of asking for one.") var generatePassword = false
    @Option(help: "For a consultant: their specialty, one of CONSILIUM_SPECIALTIES.") var specialty: String?

    func run() async throws {
        guard let role = Role(rawValue: role), role.isInstitutional else {
            throw ValidationError("--role must be administrator, coordinator or consultant")
        }
        let password: String
        var generated = generatePassword || isatty(STDIN_FILENO) == 0
        if generated {
            password = GeneratedPassword.make()
        } else {
            let typed = readSecret("Password (leave empty to generate one): ")
            if typed.isEmpty {
                password = GeneratedPassword.make()
                generated = true
            } else {
                guard readSecret("Password again: ") == typed else { throw ValidationError("The two passwords do not match.") }
                password = typed
            }
        }
        let dependencies = try await AppDependencies.make(config: try loadConfiguration())
        do {
            try await UserCommands(dependencies).createStaffUser(
                role: role, email: email, name: name ?? String(email.prefix { $0 != "@" }), password: password, specialty: specialty)
            await dependencies.shutdown()
        } catch let refusal as UserCommands.Refusal {
            await dependencies.shutdown()
            throw ValidationError(refusal.description)
        }
        print("Created \(role.displayName.lowercased()) account \(email).")
        // Printed once to the operator's terminal, never to a log.
        if generated { print("Password: \(password)\nHand it over privately; it is not shown again.") }
    }

    private func readSecret(_ prompt: String) -> String {
        guard let pointer = getpass(prompt) else { return "" }
        return String(cString: pointer)
    }
}

struct ResetTwoFactor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-two-factor",
        abstract: "Clear an account's two-step sign-in, so its owner enrolls a new phone at the next sign-in.",
        discussion: "For when nobody can do it from the People page, such as the only administrator having lost both "
            + "their phone and their recovery codes. Confirm who is asking before you run it.")

    @Option(help: "The account's email address.") var email: String

    func run() async throws {
        let dependencies = try await AppDependencies.make(config: try loadConfiguration())
        do {
            try await UserCommands(dependencies).resetTwoFactor(email: email)
            await dependencies.shutdown()
        } catch let refusal as UserCommands.Refusal {
            await dependencies.shutdown()
            throw ValidationError(refusal.description)
        }
        print("Two-step sign-in is cleared for \(email); their sessions have ended. They set it up again at their next sign-in.")
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with demo accounts of every role.")

    func run() async throws {
        let dependencies = try await AppDependencies.make(config: try loadConfiguration())
        let accounts: [DemoData.Account]
        do {
            accounts = try await DemoData(dependencies).populate()
            await dependencies.shutdown()
        } catch let refusal as UserCommands.Refusal {
            await dependencies.shutdown()
            throw ValidationError(refusal.description)
        }
        print("Demo accounts (password for each: \(DemoData.password)):\n")
        for account in accounts {
            print("  \(account.role.displayName.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.email)  (\(account.name))")
        }
        print("\nStaff accounts use two-step sign-in: add this key (time-based) to an authenticator app: \(DemoData.twoFactorKey)")
        print("\nStart the service with `swift run consilium serve` and sign in at \(dependencies.config.baseURL.absoluteString)/signin")
    }
}

struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement", abstract: "Manage the patient agreement and the terms of use.", subcommands: [Publish.self])

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish FILE as the next version; patients and family members accept it at their next sign-in.")

        @Argument(
            help:
                "A UTF-8 text file; paragraphs separated by blank lines; {institution}, {service}, {phone}, {governing_law}, {venue} are filled in."
        )
        var file: String
        @Option(help: "agreement or terms") var kind = "agreement"
        @Option(help: "The language of a translation (es); with --translation-of.") var language: String?
        @Option(help: "Publish FILE as the translation of this version, which stays the binding text.") var translationOf: Int?

        func validate() throws {
            if (language == nil) != (translationOf == nil) { throw ValidationError("--language and --translation-of go together.") }
        }

        func run() async throws {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let dependencies = try await AppDependencies.make(config: try loadConfiguration())
            do {
                if let language, let translationOf {
                    try await AgreementCommands(dependencies).publishTranslation(
                        kind: kind, of: translationOf, language: language, text: text)
                    await dependencies.shutdown()
                    print("Published the \(language) translation of \(kind) version \(translationOf).")
                    return
                }
                let version = try await AgreementCommands(dependencies).publish(kind: kind, text: text)
                await dependencies.shutdown()
                print("Published \(kind) version \(version).")
            } catch let refusal as UserCommands.Refusal {
                await dependencies.shutdown()
                throw ValidationError(refusal.description)
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit log's hash chain; name the first event that was changed, deleted or moved.",
            discussion: "Exits 0 when the chain is whole and every event carries a seal made with the master key, 1 otherwise. "
                + "Keep the printed head hash outside the database; give it to a later run with --expect-head, which fails "
                + "when the chain no longer passes through it (events were cut from the end).")

        @Option(
            name: .customLong("expect-head"), help: "A head hash printed by an earlier run; fail unless the chain still passes through it.")
        var expectHead: String?

        func run() async throws {
            let dependencies = try await AppDependencies.make(config: try loadConfiguration())
            let outcome: AuditCommands.Outcome
            do {
                outcome = try await AuditCommands(dependencies).verify(expectedHead: expectHead)
                await dependencies.shutdown()
            } catch {
                await dependencies.shutdown()
                throw error
            }
            if let problem = outcome.problem {
                print("BROKEN: \(problem).")
                throw ExitCode(1)
            }
            print("OK: \(outcome.count) events, chain unbroken and sealed. Head: \(outcome.head)")
        }
    }
}

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the master keys.", subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal every record and authenticator key again under the current master key, and retire older keys' audit seals.",
            discussion: "Set the new key as CONSILIUM_MASTER_KEY and list the old one in CONSILIUM_PREVIOUS_MASTER_KEYS, then run "
                + "this; when it reports done, the old key can be removed from CONSILIUM_PREVIOUS_MASTER_KEYS. An interrupted run "
                + "is resumed by running it again. Instances may keep serving meanwhile.")

        func run() async throws {
            let report = try await withDependencies { try await KeyRotation($0).run { print($0) } }
            let audit =
                report.retiredAuditKeys.isEmpty
                ? "the audit log needed nothing new"
                : "the audit log verified and its seals under \(report.retiredAuditKeys.joined(separator: ", ")) vouched for by a rotation event"
            print(
                "Done: \(report.records) records and \(report.authenticatorKeys) authenticator keys sealed again under the current "
                    + "master key; \(audit). Older keys can now be removed from CONSILIUM_PREVIOUS_MASTER_KEYS.")
        }
    }
}

struct HousekeepingRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "housekeeping",
        abstract: "Run one round of housekeeping now: expired sessions and tokens, orphaned files, abandoned uploads.")

    @Option(help: "Remove orphaned files and abandoned multipart uploads older than this many seconds.")
    var documentsOlderThan: Int = 3600

    func run() async throws {
        let removed = try await withDependencies {
            try await HousekeepingCommand($0).run(documentsOlderThan: TimeInterval(documentsOlderThan))
        }
        print("Housekeeping done: \(removed) orphaned files or abandoned uploads removed.")
    }
}

struct StorageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage", abstract: "Move records' stored files.", subcommands: [MigrateStorage.self])

    struct MigrateStorage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Copy every stored file from the data folder to an S3 bucket, checking each copy.",
            discussion: "The endpoint and keys are read from CONSILIUM_S3_ENDPOINT, CONSILIUM_S3_REGION, CONSILIUM_S3_ACCESS_KEY "
                + "and CONSILIUM_S3_SECRET_KEY. Files already copied are skipped, so an interrupted run is resumed by running it "
                + "again. Nothing is switched: set CONSILIUM_STORAGE_URL to the same address once every file is copied.")

        @Option(help: "The bucket and prefix, like s3://consilium-records/production") var to: String

        func run() async throws {
            let config = try loadConfiguration()
            let settings: AppConfig.S3Settings
            do {
                settings = try AppConfig.s3Settings(for: to)
            } catch let error as ConfigError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(78)
            }
            let report = try await StorageMigration(dataDirectory: config.dataDirectory, settings: settings).run { print($0) }
            print(
                "Done: \(report.copied) copied (\(report.bytesCopied) bytes), \(report.alreadyThere) already there; every copy read back "
                    + "and checked. To use the bucket, set CONSILIUM_STORAGE_URL=\(settings.location) and restart every instance.")
        }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back up a SQLite installation while it serves, or check a live installation's records.",
        subcommands: [Create.self, Verify.self], defaultSubcommand: Create.self)

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database (SQLite's online backup API) and the stored records into a new folder, with a manifest.",
            discussion: "The service may keep serving. The backup holds the records still encrypted, and never the master key: "
                + "keep the key apart. PostgreSQL and object storage are backed up with their own tools (see the README).")

        @Argument(help: "A new or empty folder for the backup.") var destination: String

        func run() async throws {
            let manifest = try await Backup(config: try loadConfiguration()).run(to: destination) { print($0) }
            print(
                "Done: the database and \(Plural.count(manifest.documents.count, "stored record")) in \(destination), each with its SHA-256 in "
                    + "manifest.json. It needs the master key(s) \(manifest.masterKeyIDs.joined(separator: ", ")). Audit head: "
                    + "\(manifest.auditHead) (\(manifest.auditEvents) events).")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that every record's stored file exists, decrypts, and matches its size and SHA-256.",
            discussion: "Works on any installation (SQLite or PostgreSQL, data folder or bucket): run it after restoring one.")

        func run() async throws {
            let outcome = try await withDependencies { try await StoredRecordsCheck($0).run { print($0) } }
            guard outcome.failures.isEmpty else {
                print("FAILED: \(outcome.failures.count) of \(outcome.checked) records could not be read back whole.")
                throw ExitCode(1)
            }
            print("OK: \(Plural.count(outcome.checked, "record")), \(outcome.bytes) bytes, every one read, decrypted and checked.")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into this installation's empty data folder, then check it.",
        discussion: "Every file is checked against the backup's manifest before anything is put in place. Afterwards every "
            + "record is read back and the audit log verified, under the master keys in the configuration.")

    @Argument(help: "The folder `consilium backup` wrote.") var source: String

    func run() async throws {
        let manifest = try await Backup(config: try loadConfiguration()).restore(from: source) { print($0) }
        print("Restored the database and \(Plural.count(manifest.documents.count, "stored record")). Checking them…")
        let (records, audit) = try await withDependencies { dependencies in
            (try await StoredRecordsCheck(dependencies).run { print($0) }, try await AuditCommands(dependencies).verify())
        }
        if let problem = audit.problem { print("The audit log does not verify: \(problem)") }
        guard records.failures.isEmpty, audit.problem == nil else { throw ExitCode(1) }
        print(
            "OK: \(Plural.count(records.checked, "record")) read back whole; the audit log verifies (\(audit.count) events, head \(audit.head); "
                + "the backup's head was \(manifest.auditHead)).")
    }
}

/// For the QR tests: encodes standard input and prints the symbol, so that a decoder nobody
/// here wrote can read it back.
struct QRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr", abstract: "Encode standard input as a QR Code.", shouldDisplay: false)

    @Option(help: "L, M, Q or H") var level = "M"
    @Option var minimumVersion = 1
    @Option(help: "matrix or svg") var format = "matrix"
    @Option(help: "Print only how many bytes this version holds at the level.") var capacity: Int?

    func run() async throws {
        guard let correction = ["L": QRCode.ErrorCorrection.low, "M": .medium, "Q": .quartile, "H": .high][level] else {
            throw ValidationError("--level must be L, M, Q or H")
        }
        if let capacity {
            print(QRCode.byteCapacity(version: capacity, correction: correction))
            return
        }
        var bytes: [UInt8] = []
        while let line = readLine(strippingNewline: false) { bytes += Array(line.utf8) }
        let code = try QRCode(bytes: bytes, correction: correction, minimumVersion: minimumVersion)
        print("version \(code.version) mask \(code.mask) capacity \(QRCode.byteCapacity(version: code.version, correction: correction))")
        print(format == "svg" ? code.svg(title: "QR code") : code.textMatrix)
    }
}

/// For bin/bench: the median time of one password hash at the configured cost.
struct MeasureBcrypt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure-bcrypt", abstract: "Print the median milliseconds of one password hash.", shouldDisplay: false)

    @Option var cost = 12
    @Option var count = 15

    func run() async throws {
        print(String(format: "%.2f", try await BcryptProbe.medianMilliseconds(cost: cost, count: count)))
    }
}

/// For bin/bench and the two-process test: audit events appended by concurrent writers.
struct BenchAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-audit", abstract: "Append benchmark audit events; print events per second.", shouldDisplay: false)

    @Option var events = 20_000
    @Option var writers = 64

    func run() async throws {
        let rate = try await withDependencies { try await AuditCommands($0).appendForBenchmark(events: events, writers: writers) }
        print(String(format: "%.0f", rate))
    }
}

/// For bin/bench: many cases and timeline events in the database.
struct BenchSeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-seed", abstract: "Load benchmark cases after the demo data.", shouldDisplay: false)

    @Option var cases = 100_000
    @Option var eventsPerCase = 10

    func run() async throws {
        try await withDependencies { try await BenchSeed($0).run(cases: cases, eventsPerCase: eventsPerCase) }
        print("Loaded \(cases) cases and \(cases * eventsPerCase) timeline events.")
    }
}
