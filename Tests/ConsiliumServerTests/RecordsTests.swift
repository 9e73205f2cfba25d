import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

/// Fixture files: pydicom's sample DICOM files and ZIPs of them, which the test command writes
/// next to the DICOM manifest; the rest are built here.
enum RecordFixtures {
    static let manifestPath = ProcessInfo.processInfo.environment["CONSILIUM_TEST_DICOM_MANIFEST"]
    static var folder: String? { manifestPath.map { ($0 as NSString).deletingLastPathComponent } }

    /// Sample paths by file name, from the manifest.
    static let samples: [String: String] = {
        guard let manifestPath, let data = FileManager.default.contents(atPath: manifestPath),
            let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return Dictionary(manifest.keys.map { (($0 as NSString).lastPathComponent, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    static var available: Bool { !samples.isEmpty && folder != nil }

    static func file(_ name: String) throws -> [UInt8] {
        let folder = try #require(folder)
        let path = samples[name] ?? (folder as NSString).appendingPathComponent(name)
        return Array(try #require(FileManager.default.contents(atPath: path)))
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    /// A PNG header declaring 640 × 480 pixels, then filler.
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 2, 128, 0, 0, 1, 224, 8, 2, 0, 0, 0]
        + [UInt8](repeating: 7, count: 3000)
    /// A JPEG whose frame header declares 640 × 480 pixels, then filler.
    static let jpeg: [UInt8] =
        [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8, 1, 224, 2, 128, 3] + [UInt8](repeating: 1, count: 9) + [0xFF, 0xDA, 0x00, 0x02]
        + [UInt8](repeating: 9, count: 5000) + [0xFF, 0xD9]
}

@Suite("Medical records", .enabled(if: RecordFixtures.available, "the test command provides pydicom's sample files"))
struct RecordsTests {
    /// A patient with a case whose confirmed physician is Samuel Reyes.
    func setup(_ dependencies: AppDependencies) async throws -> (CaseModel, String) {
        let caseModel = try await CaseFixtures.confirmedCase(dependencies)
        return (caseModel, "/cases/\(caseModel.id!.uuidString.lowercased())/records")
    }

    @Test("each accepted kind is stored encrypted, listed with its details, and downloads as it was sent")
    func acceptedKinds() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let files: [(String, [UInt8])] = [
                ("report.pdf", RecordFixtures.pdf), ("photo.png", RecordFixtures.png), ("scan.jpg", RecordFixtures.jpeg),
                ("CT_small.dcm", try RecordFixtures.file("CT_small.dcm")), ("IMG0001", try RecordFixtures.file("MR_small.dcm")),
                ("study.zip", try RecordFixtures.file("study-deflated.zip")), ("stored.zip", try RecordFixtures.file("study-stored.zip")),
                ("mac.zip", try RecordFixtures.file("study-mac.zip")),
            ]
            for (name, bytes) in files {
                try await browser.get(path)
                let response = try await browser.postMultipart(
                    path, fields: [("category", "clinical_notes"), ("description", "From Dr. Reyes")], files: [("files", name, bytes)])
                #expect(response.location == path, "\(name): \(response.status)")
            }
            let records = try await RecordModel.query(on: dependencies.database.db).all()
            #expect(records.count == files.count)
            #expect(Set(records.map(\.kind)) == ["pdf", "png", "jpeg", "dicom", "zip"])
            // stored encrypted: no stored file contains the plaintext
            let stored = try await StoredObjects(dependencies: dependencies).all()
            #expect(stored.count == files.count)
            for bytes in stored.values {
                let data = Data(bytes)
                #expect(data.starts(with: EncryptedFileFormat.magic))
                #expect(data.range(of: Data("%PDF".utf8)) == nil && data.range(of: Data("DICM".utf8)) == nil)
            }
            // listed with DICOM details; CT_small names another patient, so it is flagged for the physician
            let list = try await browser.get(path)
            #expect(list.text.contains("CT_small.dcm"))
            #expect(list.text.contains("DICOM: CT study"))
            #expect(list.text.contains("ZIP archive of 2 DICOM files"))
            #expect(!list.text.contains("does not match the case"))  // the patient side is not alarmed with it
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", Fixtures.password)
            #expect(try await physician.get(path).text.contains("the patient name in this file does not match the case&#39;s patient"))
            // download: the same bytes, as an attachment that is never rendered
            let ct = try #require(records.first { $0.fileName == "CT_small.dcm" })
            let download = try await physician.get("\(path)/\(ct.id!.uuidString.lowercased())/download")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == (try RecordFixtures.file("CT_small.dcm")))
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"CT_small.dcm\"; filename*=UTF-8''CT_small.dcm")
            #expect(download.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            for directive in ["frame-ancestors 'none'", "base-uri 'none'"] {
                #expect(download.headers[.contentSecurityPolicy]?.contains(directive) == true)
            }
            #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            // PDF and images can be viewed in the browser, sandboxed; DICOM cannot
            let pdf = try #require(records.first { $0.fileName == "report.pdf" })
            let view = try await physician.get("\(path)/\(pdf.id!.uuidString.lowercased())/view")
            #expect(view.status == .ok)
            #expect(view.headers[.contentDisposition]?.hasPrefix("inline;") == true)
            #expect(view.headers[.contentType] == "application/pdf")
            #expect(view.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            for directive in ["frame-ancestors 'none'", "base-uri 'none'"] {
                #expect(view.headers[.contentSecurityPolicy]?.contains(directive) == true)
            }
            #expect(try await physician.get("\(path)/\(ct.id!.uuidString.lowercased())/view").status == .notFound)
            // the request's timeline shows each record by sender and kind, never by its file's name
            let casePage = try await browser.get(String(path.dropLast("/records".count)))
            let timeline = try #require(casePage.text.range(of: "<ol class=\"timeline\">").map { casePage.text[$0.lowerBound...] })
            #expect(timeline.components(separatedBy: "Record received").count - 1 == files.count)
            #expect(timeline.contains("Margaret Ellis (Patient): PDF document, clinical notes"))
            #expect(timeline.contains("ZIP archive of DICOM images"))
            #expect(!timeline.contains("report.pdf") && !timeline.contains("CT_small.dcm"))
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.filter { $0 == AuditAction.recordUploaded.rawValue }.count == files.count)
            #expect(actions.contains(AuditAction.recordViewed.rawValue))
            #expect(actions.contains(AuditAction.recordDownloaded.rawValue))
        }
    }

    @Test("refused: an HTML page named .pdf, a program in a DICOM preamble, a ZIP with a non-DICOM entry, an empty file")
    func refusedKinds() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            var smuggled = try RecordFixtures.file("CT_small.dcm")
            smuggled.replaceSubrange(0..<2, with: [0x4D, 0x5A])
            for (name, bytes, reason) in [
                ("results.pdf", Array("<!doctype html><script>alert(1)</script>".utf8), "not one of the kinds we accept"),
                ("scan.dcm", smuggled, "holds a program"), ("mixed.zip", try RecordFixtures.file("mixed.zip"), "notes.txt"),
                ("empty.pdf", [], "it is empty"),
            ] {
                try await browser.get(path)
                let response = try await browser.postMultipart(path, files: [("files", name, bytes)])
                #expect(response.status == .unsupportedMediaType, "\(name)")
                #expect(response.text.contains(name) && response.text.contains(reason), "\(name)")
                #expect(response.text.contains("We accept PDF documents"), "\(name)")
            }
            #expect(try await RecordModel.query(on: dependencies.database.db).count() == 0)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 0)
        }
    }

    @Test("one byte over the limit is a 413 and leaves nothing behind")
    func sizeLimit() async throws {
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_MAX_FILE_MB": "1"])) { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            let exact = Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: (1 << 20) - 5)
            #expect(try await browser.postMultipart(path, files: [("files", "exact.pdf", exact)]).location == path)
            try await browser.get(path)
            let over = try await browser.postMultipart(path, files: [("files", "over.pdf", exact + [0x20])])
            #expect(over.status == .contentTooLarge)
            #expect(over.text.contains("over.pdf"))
            #expect(try await RecordModel.query(on: dependencies.database.db).count() == 1)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 1)
        }
    }

    @Test("two uploads at once that together pass the case's space leave the case within it")
    func concurrentQuota() async throws {
        // 3 MiB per case; each upload is 2 MiB, so either fits alone and both do not
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_MAX_CASE_MB": "3"])) { browser, dependencies in
            let (caseModel, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            let token = browser.csrfToken
            let big = RecordFixtures.pdf + [UInt8](repeating: 0x20, count: 2 * 1024 * 1024 - RecordFixtures.pdf.count)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<2 {
                    group.addTask { try await browser.postMultipart(path, files: [("files", "big-\(index).pdf", big)], csrf: token).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .contentTooLarge])
            let sizes = try await RecordModel.query(on: dependencies.database.db).filter(\.$caseModel.$id == caseModel.id!).all(\.$size)
            #expect(sizes.count == 1)
            #expect(sizes.reduce(0, +) <= 3 * 1024 * 1024)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 1)
        }
    }

    @Test("a small image that declares gigapixels is refused before it is stored; one within the limit is kept")
    func decompressionBomb() async throws {
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_MAX_IMAGE_MEGAPIXELS": "50"])) { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            func png(_ width: UInt32, _ height: UInt32) -> [UInt8] {
                func be(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
                return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(width) + be(height)
                    + [8, 2, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 100_000)
            }
            func jpeg(_ width: UInt16, _ height: UInt16) -> [UInt8] {
                [0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x02] + [UInt8](repeating: 0x45, count: 0x1000)
                    + [0xFF, 0xC2, 0x00, 0x11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
                    + [UInt8](repeating: 1, count: 9) + [0xFF, 0xDA, 0x00, 0x02] + [UInt8](repeating: 0x33, count: 5000) + [0xFF, 0xD9]
            }
            for (name, bytes) in [("bomb.png", png(30000, 30000)), ("bomb.jpg", jpeg(60000, 60000))] {
                try await browser.get(path)
                let refused = try await browser.postMultipart(path, files: [("files", name, bytes)])
                #expect(refused.status == .unsupportedMediaType)
                #expect(refused.text.contains("pixels, more than the 50 million we accept"))
            }
            #expect(try await RecordModel.query(on: dependencies.database.db).count() == 0)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 0)
            try await browser.get(path)
            #expect(try await browser.postMultipart(path, files: [("files", "photo.png", png(4000, 3000))]).location == path)
            try await browser.get(path)
            #expect(try await browser.postMultipart(path, files: [("files", "photo.jpg", jpeg(4032, 3024))]).location == path)
        }
    }

    @Test("a multipart upload without its token first is refused before anything is stored")
    func csrf() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            #expect(try await browser.postMultipart(path, files: [("files", "a.pdf", RecordFixtures.pdf)], csrf: "").status == .forbidden)
            #expect(
                try await browser.postMultipart(path, files: [("files", "a.pdf", RecordFixtures.pdf)], tokenFirst: false).status
                    == .forbidden)
            try await browser.get(path)
            #expect(
                try await browser.postMultipart(
                    path, files: [("files", "a.pdf", RecordFixtures.pdf)], csrf: String(repeating: "x", count: 43)
                ).status == .forbidden)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 0)
        }
    }

    @Test("an empty first part that is not the token, followed by files, stores nothing (no row, no file, no temp file)")
    func emptyLeadingPart() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            // an empty field first, no token at all
            let noToken = try await browser.postMultipart(
                path, fields: [("description", "")], files: [("files", "a.pdf", RecordFixtures.pdf)], csrf: "")
            #expect(noToken.status == .forbidden)
            // an empty field first, the right token after it
            try await browser.get(path)
            let late = try await browser.postMultipart(
                path, fields: [("description", "")], files: [("files", "a.pdf", RecordFixtures.pdf)], tokenFirst: false)
            #expect(late.status == .forbidden)
            // an empty file part first
            try await browser.get(path)
            let emptyFile = try await browser.postMultipart(
                path, files: [("files", "", []), ("files", "b.pdf", RecordFixtures.pdf)], csrf: "")
            #expect(emptyFile.status == .forbidden)
            #expect(try await RecordModel.query(on: dependencies.database.db).count() == 0)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 0)
        }
    }

    @Test("who may send and fetch records")
    func authorization() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, path) = try await setup(dependencies)
            try await CaseFixtures.patientAccount(dependencies, email: "walter.price@example.org", first: "Walter", last: "Price")
            try await CaseFixtures.physician(
                dependencies, email: "ana.lopez@example.org", name: "Ana Lopez", npi: "1558598797", verified: true)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            try await Fixtures.user(dependencies, email: "helen.park@example.org", name: "Helen Park", role: .consultant)
            try await CaseFixtures.physician(
                dependencies, email: "ivan.petrov@example.org", name: "Ivan Petrov", npi: "1245319599", verified: false)
            let family = try await Fixtures.user(dependencies, email: "anne.ellis@example.org", name: "Anne Ellis", role: .familyMember)
            try await PatientAccessModel(
                userID: try family.requireID(), patientID: caseModel.$patient.id,
                proxy: .init(firstName: "Anne", lastName: "Ellis", relationship: .adultChild, authority: .healthCareProxy)
            ).create(on: dependencies.database.db)
            let owner = browser.fresh()
            try await owner.signIn("margaret.ellis@example.org", Fixtures.password)
            try await owner.get(path)
            _ = try await owner.postMultipart(path, files: [("files", "report.pdf", RecordFixtures.pdf)])
            let record = try #require(try await RecordModel.query(on: dependencies.database.db).first())
            let download = "\(path)/\(record.id!.uuidString.lowercased())/download"
            for (email, maySee, maySend) in [
                ("samuel.reyes@example.org", true, true), ("miguel.santos@example.org", true, false),
                ("walter.price@example.org", false, false),
                ("ana.lopez@example.org", false, false), ("helen.park@example.org", false, false),
                ("ivan.petrov@example.org", false, false),
                ("anne.ellis@example.org", true, true),
            ] {
                let visitor = browser.fresh()
                try await visitor.signIn(email, Fixtures.password)
                #expect(try await visitor.get(download).status == (maySee ? .ok : .notFound), "\(email) download")
                try await visitor.get("/account")
                let sent = try await visitor.postMultipart(path, files: [("files", "x.pdf", RecordFixtures.pdf)])
                #expect(sent.status == (maySend ? .seeOther : (maySee ? .forbidden : .notFound)), "\(email) upload \(sent.status)")
            }
            let anonymous = browser.fresh()
            #expect(try await anonymous.get(download).location?.hasPrefix("/signin") == true)
            let listed = try await AuditEventModel.query(on: dependencies.database.db).filter(
                \.$action == AuditAction.recordViewed.rawValue
            ).count()
            #expect(listed >= 1)
        }
    }

    @Test("a removed record is marked entered-in-error, not erased; only its sender may remove it")
    func removal() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            _ = try await browser.postMultipart(path, files: [("files", "wrong.pdf", RecordFixtures.pdf)])
            let record = try #require(try await RecordModel.query(on: dependencies.database.db).first())
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", Fixtures.password)
            try await physician.get(path)
            #expect(try await physician.post("\(path)/\(record.id!.uuidString.lowercased())/remove").status == .forbidden)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/\(record.id!.uuidString.lowercased())/remove").location == path)
            let after = try #require(try await RecordModel.find(record.id, on: dependencies.database.db))
            #expect(after.status == .enteredInError)
            #expect(after.removedAt != nil)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 1)
            #expect(try await browser.get(path).text.contains("removed: entered in error"))
        }
    }

    @Test("a removed record is no longer served to the patient, the physician or the consultant (404, audited)")
    func removedNotServed() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            _ = try await browser.postMultipart(path, files: [("files", "wrong.pdf", RecordFixtures.pdf)])
            let record = try #require(try await RecordModel.query(on: dependencies.database.db).first())
            let recordPath = "\(path)/\(record.id!.uuidString.lowercased())"
            #expect(try await browser.get(recordPath + "/download").status == .ok)
            try await browser.get(path)
            #expect(try await browser.post(recordPath + "/remove").location == path)
            // the case moves on to a consultant, who must not see it either
            let consultant = try await CaseFixtures.consultant(dependencies, email: "ines.ward@example.org", name: "Ines Ward")
            caseModel.assignedConsultantID = consultant.id
            try await caseModel.update(on: dependencies.database.db)
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", Fixtures.password)
            let ines = browser.fresh()
            try await ines.signIn("ines.ward@example.org", Fixtures.password)
            for person in [browser, physician, ines] {
                #expect(try await person.get(recordPath + "/download").status == .notFound)
                #expect(try await person.get(recordPath + "/view").status == .notFound)
            }
            let refusals = try await AuditEventModel.query(on: dependencies.database.db)
                .filter(\.$action == AuditAction.permissionDenied.rawValue).filter(\.$objectType == "DocumentReference").all()
            #expect(refusals.count == 6)
            #expect(refusals.allSatisfy { $0.objectID == record.id!.uuidString.lowercased() && $0.patientID == caseModel.$patient.id })
            // an administrator still sees that it existed
            try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            let grace = browser.fresh()
            try await grace.signIn("grace.okafor@example.org", Fixtures.password)
            let list = try await grace.get(path)
            #expect(list.text.contains("wrong.pdf"))
            #expect(list.text.contains("removed: entered in error"))
            #expect(!list.text.contains(recordPath + "/download"))
        }
    }

    @Test("a tampered stored file is detected when read")
    func tampering() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            let writer = try await dependencies.documents.makeWriter(binding: "record=r;case=c")
            let plaintext = [UInt8](repeating: 0x41, count: 3 << 20)
            try await writer.write(ByteBuffer(bytes: plaintext))
            let stored = try await writer.finish()
            let objects = StoredObjects(dependencies: dependencies)
            var bytes = try await objects.bytes(stored.storageKey)
            bytes[bytes.count / 2] ^= 0x01
            try await objects.replace(stored.storageKey, with: bytes)
            let contents = try await dependencies.documents.read(
                stored.storageKey, expectedSHA256: stored.sha256, binding: "record=r;case=c")
            await #expect(throws: (any Error).self) {
                for try await _ in contents.chunks {}
            }
        }
    }

    @Test("a record's file copied over another's is refused before a byte is sent, and the refusal is audited")
    func swappedFile() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            let secret = Array("%PDF-1.4\n% the first record's own words\n%%EOF\n".utf8)
            _ = try await browser.postMultipart(path, files: [("files", "first.pdf", secret), ("files", "second.pdf", RecordFixtures.pdf)])
            let records = try await RecordModel.query(on: dependencies.database.db).all()
            let first = try #require(records.first { $0.fileName == "first.pdf" })
            let second = try #require(records.first { $0.fileName == "second.pdf" })
            // someone with access to the store copies the first record's file over the second's
            let objects = StoredObjects(dependencies: dependencies)
            try await objects.replace(second.storageKey, with: try await objects.bytes(first.storageKey))
            let download = try await browser.get("\(path)/\(second.id!.uuidString.lowercased())/download")
            #expect(download.status == .internalServerError)
            #expect(!download.text.contains("the first record's own words"))
            #expect(download.headers[.contentDisposition] == nil)
            let failure = try #require(
                try await AuditEventModel.query(on: dependencies.database.db).filter(\.$detail == "integrity_check_failed").first())
            #expect(failure.objectID == second.id!.uuidString)
            // the first record still opens as itself
            let intact = try await browser.get("\(path)/\(first.id!.uuidString.lowercased())/download")
            #expect(intact.status == .ok)
            #expect(Array(intact.body.readableBytesView) == secret)
        }
    }

    @Test("a crash between writing a file and committing its row leaves nothing visible, and the sweep removes the file")
    func crashBetweenWriteAndCommit() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path) = try await setup(dependencies)
            // the file is written and synced, then the process "dies" before the row commits
            let writer = try await dependencies.documents.makeWriter(binding: "record=r;case=c")
            try await writer.write(ByteBuffer(bytes: RecordFixtures.pdf))
            _ = try await writer.finish()
            // the other is cut off mid-way, past its first part (in an object store, a multipart upload begun)
            let partial = try await dependencies.documents.makeWriter(binding: "record=s;case=c")
            try await partial.write(ByteBuffer(repeating: 0x25, count: 9 << 20))
            let objects = StoredObjects(dependencies: dependencies)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 2)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(try await browser.get(path).text.contains("No records yet."))
            let housekeeping = Housekeeping(
                database: dependencies.database, sessions: dependencies.sessions, limiter: dependencies.limiter,
                documents: dependencies.documents,
                logger: TestApp.logger)
            #expect(try await housekeeping.sweepDocuments(olderThan: 0) == 2)
            #expect(try await StoredObjects(dependencies: dependencies).countIncludingPartial() == 0)
        }
    }
}

@Suite("Reading a stored document")
struct DocumentReadingTests {
    @Test("nothing is read ahead of the reader: a slow download holds one chunk, and a file cut short after the first is refused then")
    func noReadAhead() async throws {
        var config = try TestApp.configuration()
        config.storage = .localFolder
        try await TestApp.withDependencies(config) { dependencies in
            let writer = try await dependencies.documents.makeWriter(binding: "record=r;case=c")
            try await writer.write(ByteBuffer(repeating: 0x41, count: 3 << 20))
            let stored = try await writer.finish()
            let contents = try await dependencies.documents.read(
                stored.storageKey, expectedSHA256: stored.sha256, binding: "record=r;case=c")
            var chunks = contents.chunks.makeAsyncIterator()
            #expect(try await chunks.next()?.readableBytes == 1 << 20)
            // a reader that had gone ahead would already hold the rest; this one reads it only when asked
            try await Task.sleep(for: .milliseconds(200))
            let path = (dependencies.config.dataDirectory as NSString).appendingPathComponent("documents/\(stored.storageKey).rec")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: try handle.seekToEnd() - (1 << 20))
            try handle.close()
            await #expect(throws: DocumentIntegrityFailure.self) {
                while try await chunks.next() != nil {}
            }
        }
    }
}
