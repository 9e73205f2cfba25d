import ConsiliumCore
import Crypto
import FluentKit
import Foundation
import NIOCore
import NIOPosix
import VaporCSQLite

/// `consilium backup DEST` and `consilium restore SRC`, for an installation on SQLite with its
/// records in the data folder (the embedded default). For PostgreSQL and object storage, the
/// engines' own tools do it better (README: pg_dump or point-in-time recovery, bucket versioning).
///
/// A backup is a folder:
/// - `consilium.sqlite`: a consistent copy of the database made with SQLite's online backup API
///   in one step, so it is the database as of one moment while the service goes on serving (in
///   write-ahead-log mode the copy's read transaction holds up no writer);
/// - `documents/`: the stored files the copy's records name, as stored (still encrypted). Stored
///   files are never changed once written (a new key or a new upload makes a new file), so
///   copying them after the database is consistent, as long as none is removed meanwhile: one
///   that is (a record's file replaced by `keys rotate` mid-backup) stops the backup, to be run again;
/// - `manifest.json`: every file's size and SHA-256, the master key ids the data needs (never
///   the keys), and the audit log's head as of the copy.
/// Restoring checks every file against the manifest before it copies anything into place.
public struct Backup: Sendable {
    let config: AppConfig

    public init(config: AppConfig) {
        self.config = config
    }

    public struct Manifest: Codable, Sendable, Equatable {
        public static let currentFormat = "consilium-backup-1"

        public struct File: Codable, Sendable, Equatable {
            public var path: String
            public var size: Int64
            public var sha256: String
        }

        public var format = Manifest.currentFormat
        public var createdAt: Date
        public var database: File
        public var documents: [File]
        /// The master keys the records, authenticator keys and audit seals were sealed with, by id.
        public var masterKeyIDs: [String]
        /// A development installation's own key file, copied with its data (never in production).
        public var developmentKey: File?
        public var auditEvents: Int64
        public var auditHead: String
    }

    /// Why a backup or a restore stopped; nothing it wrote is left looking complete.
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    static let databaseName = "consilium.sqlite"
    static let manifestName = "manifest.json"
    static let documentsFolder = "documents"
    static let developmentKeyName = "development-master.key"

    private var databasePath: String {
        get throws {
            guard case .sqliteFile(let path) = config.database else {
                throw Refused(
                    description: "this installation's database is PostgreSQL: back it up with pg_dump or point-in-time recovery "
                        + "(see the README), then run `consilium backup verify`")
            }
            return path
        }
    }

    private var documentsDirectory: String {
        get throws {
            guard config.storage == .localFolder else {
                throw Refused(
                    description: "this installation's records are in object storage: keep them with the bucket's versioning "
                        + "(see the README), then run `consilium backup verify`")
            }
            return (config.dataDirectory as NSString).appendingPathComponent(Self.documentsFolder)
        }
    }

    // MARK: Backing up

    /// Writes a backup into `destination`, which must not exist or be empty; `progress` gets a line per step.
    public func run(to destination: String, progress: (String) -> Void = { _ in }) async throws -> Manifest {
        let source = try databasePath
        let documents = try documentsDirectory
        let files = FileManager.default
        if files.fileExists(atPath: destination), try !files.contentsOfDirectory(atPath: destination).isEmpty {
            throw Refused(description: "\(destination) is not empty: a backup goes into a new folder")
        }
        try files.createDirectory(
            atPath: (destination as NSString).appendingPathComponent(Self.documentsFolder), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let copy = (destination as NSString).appendingPathComponent(Self.databaseName)
        try await NIOThreadPool.singleton.runIfActive { try SQLiteBackup.copy(from: source, to: copy) }
        let contents = try await NIOThreadPool.singleton.runIfActive { try SQLiteBackup.contents(of: copy) }
        progress("database copied as of audit event \(contents.auditEvents)")

        var manifest = Manifest(
            createdAt: Date(), database: try Self.measure(copy, as: Self.databaseName), documents: [],
            masterKeyIDs: contents.masterKeyIDs, developmentKey: nil, auditEvents: contents.auditEvents, auditHead: contents.auditHead)
        for (index, storageKey) in contents.storageKeys.enumerated() {
            let name = storageKey + LocalDocumentStore.suffix
            let from = (documents as NSString).appendingPathComponent(name)
            let relative = Self.documentsFolder + "/" + name
            guard files.fileExists(atPath: from) else {
                throw Refused(
                    description: "the stored file \(name) went while it was being backed up (a key rotation or a removal ran "
                        + "meanwhile); run the backup again into a new folder")
            }
            manifest.documents.append(
                try await NIOThreadPool.singleton.runIfActive {
                    try Self.copyFile(from, to: (destination as NSString).appendingPathComponent(relative), as: relative)
                })
            progress("[\(index + 1)/\(contents.storageKeys.count)] \(name)")
        }
        let keyFile = (config.dataDirectory as NSString).appendingPathComponent(Self.developmentKeyName)
        if config.masterKey == nil, config.environment != .production, files.fileExists(atPath: keyFile) {
            manifest.developmentKey = try Self.copyFile(
                keyFile, to: (destination as NSString).appendingPathComponent(Self.developmentKeyName), as: Self.developmentKeyName)
        }
        // The manifest last, written whole then renamed: a folder without one is not a backup.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let manifestPath = (destination as NSString).appendingPathComponent(Self.manifestName)
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: manifestPath + ".partial"))
        try Self.sync(manifestPath + ".partial")
        try files.moveItem(atPath: manifestPath + ".partial", toPath: manifestPath)
        try Self.sync(destination)
        return manifest
    }

    // MARK: Restoring

    /// Checks the backup in `source` against its manifest, then copies it into this
    /// installation's data folder, which must hold no database and no stored files yet.
    public func restore(from source: String, progress: (String) -> Void = { _ in }) async throws -> Manifest {
        let target = try databasePath
        let documents = try documentsDirectory
        let files = FileManager.default
        let manifest = try Self.readManifest(in: source)
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: target + suffix) {
            throw Refused(description: "\(target)\(suffix) exists: restore into a data folder without a database")
        }
        if files.fileExists(atPath: documents), try !files.contentsOfDirectory(atPath: documents).isEmpty {
            throw Refused(description: "\(documents) is not empty: restore into a data folder without stored records")
        }
        let everything = [manifest.database] + manifest.documents + [manifest.developmentKey].compactMap { $0 }
        for (index, file) in everything.enumerated() {
            let path = try Self.resolve(file.path, in: source)
            let found = try await NIOThreadPool.singleton.runIfActive { try Self.measure(path, as: file.path) }
            guard found == file else {
                throw Refused(description: "\(file.path) in the backup is not the file its manifest describes (size or SHA-256 differs)")
            }
            progress("[\(index + 1)/\(everything.count)] \(file.path): checked")
        }
        try files.createDirectory(atPath: documents, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for file in manifest.documents {
            let name = (file.path as NSString).lastPathComponent
            let copied = try await NIOThreadPool.singleton.runIfActive {
                try Self.copyFile(
                    Self.resolve(file.path, in: source), to: (documents as NSString).appendingPathComponent(name), as: file.path)
            }
            guard copied == file else { throw Refused(description: "\(file.path) changed while it was being restored") }
        }
        if let key = manifest.developmentKey {
            _ = try Self.copyFile(
                Self.resolve(key.path, in: source), to: (config.dataDirectory as NSString).appendingPathComponent(Self.developmentKeyName),
                as: key.path)
        }
        // The database last, under a temporary name then renamed: until it is in place the
        // folder does not look like an installation.
        let partial = target + ".restoring"
        guard
            try Self.copyFile(Self.resolve(manifest.database.path, in: source), to: partial, as: manifest.database.path)
                == manifest.database
        else { throw Refused(description: "the database changed while it was being restored") }
        try files.moveItem(atPath: partial, toPath: target)
        try Self.sync((target as NSString).deletingLastPathComponent)
        return manifest
    }

    static func readManifest(in folder: String) throws -> Manifest {
        let path = (folder as NSString).appendingPathComponent(manifestName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Refused(description: "\(folder) holds no \(manifestName): it is not a finished backup")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let manifest = try? decoder.decode(Manifest.self, from: data), manifest.format == Manifest.currentFormat else {
            throw Refused(description: "\(path) is not a manifest this version reads (\(Manifest.currentFormat))")
        }
        return manifest
    }

    /// A path named in a manifest, refused if it would lead outside the backup.
    static func resolve(_ relative: String, in folder: String) throws -> String {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Refused(description: "the manifest names \(relative), which is not a file inside the backup")
        }
        return (folder as NSString).appendingPathComponent(relative)
    }

    // MARK: Files

    /// Copies `source` to `destination` (made anew, private, synced), measuring what it copied.
    static func copyFile(_ source: String, to destination: String, as name: String) throws -> Manifest.File {
        guard let input = FileHandle(forReadingAtPath: source) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = FileHandle(forWritingAtPath: destination)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? output.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let piece = try input.read(upToCount: 4 << 20), !piece.isEmpty {
            hasher.update(data: piece)
            try output.write(contentsOf: piece)
            size += Int64(piece.count)
        }
        try output.synchronize()
        return Manifest.File(path: name, size: size, sha256: Hex.encode(hasher.finalize()))
    }

    static func measure(_ path: String, as name: String) throws -> Manifest.File {
        let (size, hash) = try StorageMigration.measure(path)
        return Manifest.File(path: name, size: size, sha256: hash)
    }

    /// fsync on a file or a folder (so a rename in it survives a power cut).
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// The live half of a backup for any installation: every record's stored file exists, decrypts
/// under the configured keys, and has the size and SHA-256 its row records.
public struct StoredRecordsCheck: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    public struct Outcome: Sendable {
        public var checked = 0
        public var bytes: Int64 = 0
        /// Record id and what was wrong, for each record that failed.
        public var failures: [(record: UUID, problem: String)] = []
    }

    public func run(progress: (String) -> Void = { _ in }) async throws -> Outcome {
        var outcome = Outcome()
        let db = dependencies.database.db
        var after: UUID?
        while true {
            var query = RecordModel.query(on: db).sort(\.$id).limit(500)
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.all()
            for record in page {
                let id = try record.requireID()
                do {
                    let contents = try await dependencies.documents.read(
                        record.storageKey, expectedSHA256: record.sha256, binding: record.binding)
                    var size: Int64 = 0
                    for try await chunk in contents.chunks { size += Int64(chunk.readableBytes) }
                    guard size == record.size else { throw Backup.Refused(description: "\(size) bytes where the row says \(record.size)") }
                    outcome.bytes += size
                } catch {
                    outcome.failures.append((id, "\(error)"))
                    progress("record \(id.uuidString.lowercased()): \(error)")
                }
                outcome.checked += 1
            }
            guard let last = page.last, page.count == 500 else { return outcome }
            after = try last.requireID()
        }
    }
}

/// SQLite's online backup API through the C library the driver links.
enum SQLiteBackup {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Copies the whole database at `source` to a new file at `destination` in one step: one
    /// read transaction, so the copy is the database as of one moment. Retried while the
    /// database is busy (a writer checkpointing, say).
    static func copy(from source: String, to destination: String) throws {
        let from = try open(source, flags: SQLITE_OPEN_READWRITE)
        defer { sqlite_nio_sqlite3_close_v2(from) }
        let to = try open(destination, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite_nio_sqlite3_close_v2(to) }
        for attempt in 1...50 {
            guard let backup = sqlite_nio_sqlite3_backup_init(to, "main", from, "main") else {
                throw Failure(description: "the backup could not start: " + String(cString: sqlite_nio_sqlite3_errmsg(to)))
            }
            let step = sqlite_nio_sqlite3_backup_step(backup, -1)
            let finish = sqlite_nio_sqlite3_backup_finish(backup)
            if step == SQLITE_DONE, finish == SQLITE_OK { return }
            guard step == SQLITE_BUSY || step == SQLITE_LOCKED, attempt < 50 else {
                throw Failure(description: "the backup stopped: " + String(cString: sqlite_nio_sqlite3_errstr(step)))
            }
            usleep(100_000)
        }
    }

    /// What a backup needs to know from its copy of the database.
    struct Contents {
        var storageKeys: [String] = []
        var masterKeyIDs: [String] = []
        var auditEvents: Int64 = 0
        var auditHead = AuditChain.genesis
    }

    static func contents(of path: String) throws -> Contents {
        let db = try open(path, flags: SQLITE_OPEN_READONLY)
        defer { sqlite_nio_sqlite3_close_v2(db) }
        var contents = Contents()
        contents.storageKeys = try texts(
            db, #"SELECT DISTINCT "storage_key" FROM "\#(RecordModel.schema)" ORDER BY "storage_key""#)
        contents.masterKeyIDs = try texts(
            db,
            #"SELECT "key_id" FROM "\#(RecordModel.schema)" UNION SELECT "key_id" FROM "\#(AuditSealModel.schema)" "#
                + #"UNION SELECT substr("totp_secret", 4, instr(substr("totp_secret", 4), ':') - 1) FROM "\#(UserModel.schema)" "#
                + #"WHERE "totp_secret" LIKE 'v1:%' ORDER BY 1"#)
        let head = try texts(db, #"SELECT "sequence" || ' ' || "hash" FROM "\#(AuditEventModel.schema)" ORDER BY "sequence" DESC LIMIT 1"#)
        if let line = head.first, let space = line.firstIndex(of: " "), let count = Int64(line[..<space]) {
            contents.auditEvents = count
            contents.auditHead = String(line[line.index(after: space)...])
        }
        return contents
    }

    private static func open(_ path: String, flags: Int32) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw Failure(description: "\(path) could not be opened: " + String(cString: sqlite_nio_sqlite3_errstr(status)))
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        return handle
    }

    /// The first column of every row, as text. The statements are this file's constants.
    private static func texts(_ db: OpaquePointer, _ sql: String) throws -> [String] {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "the backup could not be read: " + String(cString: sqlite_nio_sqlite3_errmsg(db)))
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        var values: [String] = []
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return values }
            guard status == SQLITE_ROW else {
                throw Failure(description: "the backup could not be read: " + String(cString: sqlite_nio_sqlite3_errmsg(db)))
            }
            if let text = sqlite_nio_sqlite3_column_text(statement, 0) { values.append(String(cString: text)) }
        }
    }
}
