import ConsiliumCore
import Crypto
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("consilium keys rotate", .enabled(if: RecordFixtures.available, "the test command provides sample files"))
struct KeyRotationTests {
    static func key(_ id: String) -> String {
        "\(id):" + SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    @Test("after rotating, records, two-step sign-in and the audit log work with the new key alone; a second run has nothing to do")
    func rotate() async throws {
        let old = Self.key("2026-01")
        let new = Self.key("2026-11")
        let folder = NSTemporaryDirectory() + "consilium-rotation-" + UUID().uuidString
        func configuration(_ variables: [String: String]) throws -> AppConfig {
            var config = try TestApp.configuration(variables.merging(["CONSILIUM_DATA_DIR": folder]) { $1 })
            config.database = .sqliteFile(path: folder + "/consilium.sqlite")
            return config
        }
        let first = try configuration(["CONSILIUM_MASTER_KEY": old])
        let pdf = Array("%PDF-1.4\n% a record sealed under the old key\n".utf8) + [UInt8](repeating: 0x20, count: 3 << 20)
        try await TestApp.run(first) { browser, dependencies in
            let caseModel = try await CaseFixtures.confirmedCase(dependencies)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let path = "/cases/\(caseModel.id!.uuidString.lowercased())/records"
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            #expect(try await browser.postMultipart(path, files: [("files", "old.pdf", pdf)]).location == path)
        }
        var rotating = try configuration(["CONSILIUM_MASTER_KEY": new, "CONSILIUM_PREVIOUS_MASTER_KEYS": old])
        rotating.storage = first.storage
        try await TestApp.withDependencies(rotating) { dependencies in
            let newKeyOnly = try AuditLog(current: #require(MasterKeySpec.parse(new)), previous: [])
            let db = dependencies.database.db
            #expect(try await newKeyOnly.verify(on: db).problem != nil, "before the rotation, the old key's seals need the old key")
            var lines: [String] = []
            let report = try await KeyRotation(dependencies).run { lines.append($0) }
            #expect(try await newKeyOnly.verify(on: db).problem == nil)
            let rotation = try #require(
                try await AuditEventModel.query(on: db).filter(\.$action == AuditAction.masterKeysRotated.rawValue).all().first)
            #expect(AuditKeyRetirement(detail: rotation.detail)?.retiredKeyIDs == ["2026-01"])
            #expect(try await AuditEventModel.query(on: db).filter(\.$action == AuditAction.masterKeysRotated.rawValue).count() == 1)
            #expect(report.records == 1 && lines.count == 1)
            #expect(report.authenticatorKeys >= 1)
            #expect(report.retiredAuditKeys == ["2026-01"])
            #expect(try await KeyRotation(dependencies).run() == KeyRotation.Report())
            #expect(try await RecordModel.query(on: dependencies.database.db).all().allSatisfy { $0.keyID == "2026-11" })
            #expect(try await dependencies.documents.storageKeys().count == 1)  // the old file is gone
        }
        var after = try configuration(["CONSILIUM_MASTER_KEY": new])
        after.storage = first.storage
        try await TestApp.run(after) { browser, dependencies in
            let record = try #require(try await RecordModel.query(on: dependencies.database.db).first())
            let path = "/cases/\(record.$caseModel.id.uuidString.lowercased())/records"
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let download = try await browser.get("\(path)/\(record.id!.uuidString.lowercased())/download")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == pdf)
            // the coordinator signs in with a code: the authenticator key opens under the new key
            let coordinator = browser.fresh()
            #expect(try await coordinator.signIn("miguel.santos@example.org", Fixtures.password).location == "/account")
            let outcome = try await AuditCommands(dependencies).verify(expectedHead: nil)
            #expect(outcome.problem == nil, "\(outcome.problem ?? "")")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
