import ConsiliumCore
import FluentKit
import Foundation
import NIOCore
import Testing

@testable import ConsiliumServer

@Suite(
    "consilium storage migrate",
    .enabled(if: S3TestStore.available && RecordFixtures.available, "the test command starts radosgw and provides sample files"))
struct StorageMigrationTests {
    @Test(
        "copies every stored file to the bucket, checked; a second run copies nothing; a lost copy is copied again; the bucket then serves every record"
    )
    func migrate() async throws {
        var config = try TestApp.configuration()
        config.storage = .localFolder
        try await TestApp.run(config) { browser, dependencies in
            let caseModel = try await CaseFixtures.confirmedCase(dependencies)
            let path = "/cases/\(caseModel.id!.uuidString.lowercased())/records"
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            // one small file, one DICOM, and one large enough to go up as a multipart upload
            let large = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: 6 << 20)
            let files = [("a.pdf", RecordFixtures.pdf), ("CT_small.dcm", try RecordFixtures.file("CT_small.dcm")), ("large.pdf", large)]
            #expect(try await browser.postMultipart(path, files: files.map { ("files", $0.0, $0.1) }).location == path)
            let records = try await RecordModel.query(on: dependencies.database.db).all()
            #expect(records.count == 3)

            let settings = try #require(S3TestStore.settings())
            try await S3TestStore.ensureBucket(settings)
            let migration = StorageMigration(dataDirectory: dependencies.config.dataDirectory, settings: settings, partSize: 5 << 20)
            var lines: [String] = []
            let first = try await migration.run { lines.append($0) }
            #expect(first.copied == 3 && first.alreadyThere == 0)
            #expect(lines.count == 3 && lines.allSatisfy { $0.contains("copied and checked") })
            #expect(try await migration.run() == .init(copied: 0, alreadyThere: 3, bytesCopied: 0))

            // a copy lost (or cut off) is copied again on the next run
            let client = S3Client(settings)
            try await client.deleteObject(settings.location.objectKey(records[0].storageKey))
            let again = try await migration.run()
            #expect(again.copied == 1 && again.alreadyThere == 2)

            // the bucket now holds what the folder held, and an S3 store with the same keys reads every record
            let local = try #require(dependencies.documents as? LocalDocumentStore)
            let store = S3DocumentStore(client: client, location: settings.location, currentKey: local.currentKey)
            #expect(Set(try await store.storageKeys()) == Set(records.map(\.storageKey)))
            for record in records {
                let contents = try await store.read(record.storageKey, expectedSHA256: record.sha256, binding: record.binding)
                var bytes: [UInt8] = []
                for try await chunk in contents.chunks { bytes += chunk.readableBytesView }
                #expect(bytes == files.first { $0.0 == record.fileName }?.1, "\(record.fileName)")
            }
        }
    }

    @Test("an address that is not s3://, or missing keys, is refused with every problem named")
    func settings() throws {
        #expect {
            _ = try AppConfig.s3Settings(for: "s3://Bad_Bucket/x", variables: [:])
        } throws: { error in
            let text = "\(error)"
            return text.contains("CONSILIUM_STORAGE_URL must be file: or s3://") && !text.contains("CONSILIUM_S3_ACCESS_KEY")
        }
        #expect {
            _ = try AppConfig.s3Settings(for: "s3://records/prod", variables: ["CONSILIUM_S3_ENDPOINT": "http://127.0.0.1:9000"])
        } throws: { error in
            "\(error)".contains("CONSILIUM_S3_ACCESS_KEY is required") && "\(error)".contains("CONSILIUM_S3_SECRET_KEY is required")
        }
        #expect(throws: ConfigError.self) { _ = try AppConfig.s3Settings(for: "file:", variables: [:]) }
        let settings = try AppConfig.s3Settings(
            for: "s3://records/prod",
            variables: [
                "CONSILIUM_S3_ENDPOINT": "https://s3.example.org", "CONSILIUM_S3_ACCESS_KEY": "a", "CONSILIUM_S3_SECRET_KEY": "b",
                "CONSILIUM_S3_REGION": "eu-west-1",
            ])
        #expect(settings.location == S3Location("s3://records/prod/"))
        #expect(settings.region == "eu-west-1")
        #expect(settings.endpoint.absoluteString == "https://s3.example.org")
    }
}
