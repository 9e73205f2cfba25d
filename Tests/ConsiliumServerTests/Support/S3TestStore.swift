import ConsiliumCore
import Foundation
import NIOCore
import Testing

@testable import ConsiliumServer

/// A real S3 implementation (Ceph's RADOS Gateway on loopback), which the test command starts
/// (Tests/support/rgw.sh) and names in these variables. With `CONSILIUM_TEST_STORAGE=s3` every
/// application a test builds keeps its records there, each under a prefix of its own in one
/// bucket (the test command runs the PostgreSQL pass that way: the several-instance set-up).
enum S3TestStore {
    static let environment = ProcessInfo.processInfo.environment
    static var endpoint: URL? { environment["CONSILIUM_TEST_S3_ENDPOINT"].flatMap(URL.init(string:)) }
    static var credentials: SigV4Signer.Credentials? {
        guard let access = environment["CONSILIUM_TEST_S3_ACCESS_KEY"], let secret = environment["CONSILIUM_TEST_S3_SECRET_KEY"] else {
            return nil
        }
        return .init(accessKey: access, secretKey: secret)
    }
    static var available: Bool { endpoint != nil && credentials != nil }
    static let bucket = "consilium-tests"

    /// Settings for a new prefix of the test bucket.
    static func settings(bucket: String = bucket) -> AppConfig.S3Settings? {
        guard let endpoint, let credentials,
            let location = S3Location("s3://\(bucket)/t-\(UUID().uuidString.lowercased())")
        else { return nil }
        return AppConfig.S3Settings(
            location: location, endpoint: endpoint, region: "us-east-1", accessKey: credentials.accessKey,
            secretKey: credentials.secretKey)
    }

    /// What tests store records in: S3 when the test command asks for it, else the data folder.
    static func storageChoice() -> AppConfig.StorageChoice {
        guard environment["CONSILIUM_TEST_STORAGE"] == "s3", let settings = settings() else { return .localFolder }
        return .s3(settings)
    }

    static func ensureBucket(_ settings: AppConfig.S3Settings) async throws {
        try await S3Client(settings).createBucket()
    }
}

/// The stored objects behind an application's records, whichever store holds them, for tests
/// that look at or damage what is stored: files in the data folder, or objects (and unfinished
/// multipart uploads) under the application's prefix in the bucket.
struct StoredObjects {
    let dependencies: AppDependencies

    /// Every stored document's bytes by storage key.
    func all() async throws -> [String: [UInt8]] {
        var objects: [String: [UInt8]] = [:]
        for key in try await dependencies.documents.storageKeys() { objects[key] = try await bytes(key) }
        return objects
    }

    /// Stored documents, plus partial ones (temporary files, unfinished multipart uploads).
    func countIncludingPartial() async throws -> Int {
        switch dependencies.config.storage {
        case .localFolder:
            return try FileManager.default.contentsOfDirectory(atPath: folder).count
        case .s3(let settings):
            let client = S3Client(settings)
            return try await client.listObjects(prefix: settings.location.prefix).count
                + client.listMultipartUploads(prefix: settings.location.prefix).count
        }
    }

    func bytes(_ storageKey: String) async throws -> [UInt8] {
        switch dependencies.config.storage {
        case .localFolder:
            return Array(try #require(FileManager.default.contents(atPath: path(storageKey))))
        case .s3(let settings):
            let client = S3Client(settings)
            let key = settings.location.objectKey(storageKey)
            let size = try #require(try await client.headObject(key)).size
            return Array(try await client.getObject(key, bytes: 0...(size - 1), limit: Int(size)).bytes.readableBytesView)
        }
    }

    /// Puts `bytes` where the document `storageKey` is stored, as someone with access to the store could.
    func replace(_ storageKey: String, with bytes: [UInt8]) async throws {
        switch dependencies.config.storage {
        case .localFolder:
            try Data(bytes).write(to: URL(fileURLWithPath: path(storageKey)))
        case .s3(let settings):
            try await S3Client(settings).putObject(settings.location.objectKey(storageKey), body: ByteBuffer(bytes: bytes))
        }
    }

    private var folder: String { (dependencies.config.dataDirectory as NSString).appendingPathComponent("documents") }
    private func path(_ storageKey: String) -> String { (folder as NSString).appendingPathComponent(storageKey + ".rec") }
}
