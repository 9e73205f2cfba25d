import ConsiliumCore
import Crypto
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import ConsiliumServer

@Suite("consilium backup and restore", .enabled(if: RecordFixtures.available, "the test command provides sample files"))
struct BackupTests {
    static let masterKey = "2026-11:" + Data(repeating: 9, count: 32).base64EncodedString()

    /// An installation on a SQLite file and the data folder, as `consilium serve` runs by default.
    static func installation(_ folder: String) throws -> AppConfig {
        var config = try TestApp.configuration(["CONSILIUM_DATA_DIR": folder, "CONSILIUM_MASTER_KEY": masterKey])
        config.database = .sqliteFile(path: folder + "/consilium.sqlite")
        config.storage = .localFolder
        return config
    }

    static func folder(_ name: String) -> String {
        NSTemporaryDirectory() + "consilium-backup-\(name)-" + UUID().uuidString
    }

    static func pdf(_ label: String, kilobytes: Int) -> [UInt8] {
        Array("%PDF-1.4\n% \(label)\n".utf8) + (0..<(kilobytes << 10)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ label.count) }
    }

    /// The demo-like case of Margaret Ellis, with her signed in on its records page: the page's path.
    static func patientOnRecordsPage(_ browser: TestBrowser, _ dependencies: AppDependencies) async throws -> String {
        let caseModel = try await CaseFixtures.confirmedCase(dependencies)
        let path = "/cases/\(caseModel.id!.uuidString.lowercased())/records"
        try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
        try await browser.get(path)
        return path
    }

    @Test(
        "a backup taken while pages are viewed and records sent restores elsewhere: the audit log verifies, every record reads back identical"
    )
    func underLoad() async throws {
        let live = Self.folder("live")
        let backup = Self.folder("copy")
        let restored = Self.folder("restored")
        defer { for path in [live, backup, restored] { try? FileManager.default.removeItem(atPath: path) } }
        let config = try Self.installation(live)
        let sent = NIOLockedValueBox<[String: [UInt8]]>([:])
        let manifest = try await withCheckedThrowingContinuation { (done: CheckedContinuation<Backup.Manifest, any Error>) in
            Task {
                do {
                    try await TestApp.run(config) { browser, dependencies in
                        let casePath = String(try await Self.patientOnRecordsPage(browser, dependencies).dropLast("/records".count))
                        for index in 0..<3 {
                            let bytes = Self.pdf("before \(index)", kilobytes: 200 + index * 300)
                            sent.withLockedValue { $0["before-\(index).pdf"] = bytes }
                            #expect(
                                try await browser.postMultipart(casePath + "/records", files: [("files", "before-\(index).pdf", bytes)])
                                    .location == casePath + "/records")
                        }
                        // Load: views (each an audit append) and uploads go on while the backup runs.
                        let stop = NIOLockedValueBox(false)
                        let manifest = try await withThrowingTaskGroup(of: Backup.Manifest?.self) { group in
                            for viewer in 0..<4 {
                                let reader = browser.fresh()
                                try await reader.signIn("margaret.ellis@example.org", Fixtures.password)
                                group.addTask {
                                    while !stop.withLockedValue({ $0 }) {
                                        let status = try await reader.get(casePath).status
                                        #expect(status == .ok, "viewer \(viewer)")
                                    }
                                    return nil
                                }
                            }
                            group.addTask {
                                var index = 0
                                while !stop.withLockedValue({ $0 }) {
                                    let bytes = Self.pdf("during \(index)", kilobytes: 64)
                                    sent.withLockedValue { $0["during-\(index).pdf"] = bytes }
                                    _ = try await browser.postMultipart(
                                        casePath + "/records", files: [("files", "during-\(index).pdf", bytes)])
                                    index += 1
                                }
                                return nil
                            }
                            group.addTask {
                                try await Task.sleep(for: .milliseconds(300))
                                defer { stop.withLockedValue { $0 = true } }
                                return try await Backup(config: config).run(to: backup)
                            }
                            var manifest: Backup.Manifest?
                            for try await result in group { manifest = manifest ?? result }
                            return try #require(manifest)
                        }
                        // The live installation went on past the copy.
                        let events = try await AuditEventModel.query(on: dependencies.database.db).count()
                        #expect(Int64(events) > manifest.auditEvents)
                        done.resume(returning: manifest)
                    }
                } catch {
                    done.resume(throwing: error)
                }
            }
        }
        #expect(manifest.documents.count >= 3)
        #expect(manifest.masterKeyIDs == ["2026-11"])
        #expect(manifest.developmentKey == nil)

        let target = try Self.installation(restored)
        _ = try await Backup(config: target).restore(from: backup)
        try await TestApp.withDependencies(target) { dependencies in
            let audit = try await AuditCommands(dependencies).verify(expectedHead: manifest.auditHead)
            #expect(audit.problem == nil, "\(audit.problem ?? "")")
            #expect(audit.count == manifest.auditEvents && audit.head == manifest.auditHead)
            let check = try await StoredRecordsCheck(dependencies).run()
            #expect(check.failures.isEmpty && check.checked == manifest.documents.count)
            let records = try await RecordModel.query(on: dependencies.database.db).all()
            #expect(records.count == manifest.documents.count)
            for record in records {
                let contents = try await dependencies.documents.read(
                    record.storageKey, expectedSHA256: record.sha256, binding: record.binding)
                var bytes: [UInt8] = []
                for try await chunk in contents.chunks { bytes += chunk.readableBytesView }
                #expect(bytes == sent.withLockedValue { $0[record.fileName] }, "\(record.fileName)")
            }
        }
    }

    @Test("restore checks every file against the manifest before it puts anything in place, and only into an empty folder")
    func restoreRefuses() async throws {
        let live = Self.folder("live")
        let backup = Self.folder("copy")
        let restored = Self.folder("restored")
        defer { for path in [live, backup, restored] { try? FileManager.default.removeItem(atPath: path) } }
        let config = try Self.installation(live)
        try await TestApp.run(config) { browser, dependencies in
            let path = try await Self.patientOnRecordsPage(browser, dependencies)
            _ = try await browser.postMultipart(path, files: [("files", "a.pdf", Self.pdf("a", kilobytes: 100))])
        }
        let manifest = try await Backup(config: config).run(to: backup)
        // the destination must be new
        await #expect(throws: Backup.Refused.self) { try await Backup(config: config).run(to: backup) }

        // one flipped byte in a stored file: refused, and nothing restored
        let document = try #require(manifest.documents.first)
        let stored = backup + "/" + document.path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: stored))
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: stored))
        let target = try Self.installation(restored)
        await #expect(throws: Backup.Refused.self) { try await Backup(config: target).restore(from: backup) }
        #expect(!FileManager.default.fileExists(atPath: restored + "/consilium.sqlite"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: restored + "/documents"))?.isEmpty ?? true)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: stored))

        // a manifest naming a path outside the backup
        #expect(throws: Backup.Refused.self) { try Backup.resolve("../live/consilium.sqlite", in: backup) }
        #expect(throws: Backup.Refused.self) { try Backup.resolve("/etc/passwd", in: backup) }
        #expect(throws: Backup.Refused.self) { try Backup.resolve("documents/./x", in: backup) }

        // restored once; a second restore into the same folder is refused
        _ = try await Backup(config: target).restore(from: backup)
        await #expect(throws: Backup.Refused.self) { try await Backup(config: target).restore(from: backup) }

        // PostgreSQL and object storage are backed up with their own tools
        var postgres = config
        postgres.database = .postgres(url: "postgres://127.0.0.1/x", schema: nil, connectionsPerLoop: 1)
        await #expect(throws: Backup.Refused.self) { try await Backup(config: postgres).run(to: Self.folder("pg")) }
    }

    @Test("backup verify names a record whose stored file was altered or lost, on a live installation")
    func verifyFindsDamage() async throws {
        let live = Self.folder("live")
        defer { try? FileManager.default.removeItem(atPath: live) }
        let config = try Self.installation(live)
        try await TestApp.run(config) { browser, dependencies in
            let path = try await Self.patientOnRecordsPage(browser, dependencies)
            for name in ["a.pdf", "b.pdf", "c.pdf"] {
                _ = try await browser.postMultipart(path, files: [("files", name, Self.pdf(name, kilobytes: 300))])
            }
            let records = try await RecordModel.query(on: dependencies.database.db).sort(\.$fileName).all()
            #expect(try await StoredRecordsCheck(dependencies).run().failures.isEmpty)
            let documents = live + "/documents/"
            // b: one byte changed in its last chunk (only the end-to-end check can see it); c: gone
            let altered = documents + records[1].storageKey + ".rec"
            var bytes = try Data(contentsOf: URL(fileURLWithPath: altered))
            bytes[bytes.count - 40] ^= 1
            try bytes.write(to: URL(fileURLWithPath: altered))
            try FileManager.default.removeItem(atPath: documents + records[2].storageKey + ".rec")
            let outcome = try await StoredRecordsCheck(dependencies).run()
            #expect(outcome.checked == 3)
            #expect(Set(outcome.failures.map(\.record)) == Set([records[1].id!, records[2].id!]))
        }
    }
}
