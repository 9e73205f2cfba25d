import ConsiliumCore
import Crypto
import Foundation
import NIOCore
import Testing

@testable import ConsiliumServer

@Suite("Records in an S3 store (RADOS Gateway)", .enabled(if: S3TestStore.available, "the test command starts radosgw"))
struct S3DocumentStoreLiveTests {
    static let key = EncryptedFileFormat.MasterKey(id: "test-1", key: SymmetricKey(size: .bits256))

    /// A store under a new prefix of the test bucket, with the smallest parts S3 allows.
    func store(key: EncryptedFileFormat.MasterKey = Self.key) async throws -> S3DocumentStore {
        let settings = try #require(S3TestStore.settings())
        try await S3TestStore.ensureBucket(settings)
        return S3DocumentStore(client: S3Client(settings), location: settings.location, currentKey: key, partSize: 5 << 20)
    }

    /// Writes `bytes` in pieces of `piece` bytes and finishes.
    func put(_ bytes: [UInt8], piece: Int, binding: String, into store: S3DocumentStore) async throws -> StoredDocument {
        let writer = try await store.makeWriter(binding: binding)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + piece, bytes.count)
            try await writer.write(ByteBuffer(bytes: bytes[offset..<end]))
            offset = end
        }
        return try await writer.finish()
    }

    func readAll(_ stored: StoredDocument, binding: String, from store: S3DocumentStore) async throws -> [UInt8] {
        let contents = try await store.read(stored.storageKey, expectedSHA256: stored.sha256, binding: binding)
        var bytes: [UInt8] = []
        for try await chunk in contents.chunks { bytes += chunk.readableBytesView }
        #expect(Int64(bytes.count) == contents.size)
        return bytes
    }

    /// Bytes that do not compress or repeat (read from the kernel: a debug build draws them slowly).
    static func random(_ count: Int) -> [UInt8] {
        guard count > 0, let source = FileHandle(forReadingAtPath: "/dev/urandom") else { return [] }
        defer { try? source.close() }
        return Array(source.readData(ofLength: count))
    }

    @Test(
        "documents of every size around the chunk and part boundaries come back as written, and only ciphertext is stored",
        arguments: [0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 5 << 20, (11 << 20) + 7])
    func roundTrip(size: Int) async throws {
        let store = try await store()
        let plaintext = Self.random(size)
        let stored = try await put(plaintext, piece: 300_001, binding: "record=a;case=b", into: store)
        #expect(stored.size == Int64(size))
        #expect(stored.sha256 == Hex.encode(SHA256.hash(data: plaintext)))
        #expect(try await readAll(stored, binding: "record=a;case=b", from: store) == plaintext)
        // what the store holds is our format: the magic, the header, sealed chunks, never the plaintext
        let head = try #require(try await store.client.headObject(store.location.objectKey(stored.storageKey)))
        let object = try await store.client.getObject(
            store.location.objectKey(stored.storageKey), bytes: 0...(head.size - 1), limit: Int(head.size))
        #expect(Array(object.bytes.readableBytesView.prefix(8)) == EncryptedFileFormat.magic)
        if size >= 64 {
            #expect(Data(object.bytes.readableBytesView).range(of: Data(plaintext.prefix(64))) == nil)
        }
        #expect(try await store.storageKeys() == [stored.storageKey])
        #expect(try await store.client.listMultipartUploads(prefix: store.location.prefix).isEmpty)
        try await store.remove(stored.storageKey)
        #expect(try await store.storageKeys().isEmpty)
    }

    @Test("a document bound to another record, altered in the store, or sealed under an unknown key is refused")
    func refusals() async throws {
        let store = try await store()
        let plaintext = Self.random(3 << 20)
        let stored = try await put(plaintext, piece: 1 << 20, binding: "record=a;case=b", into: store)
        await #expect(throws: DocumentIntegrityFailure.self) {
            _ = try await store.read(stored.storageKey, expectedSHA256: stored.sha256, binding: "record=other;case=b")
        }
        // one bit flipped in the last chunk: the start still opens, the stream then fails
        let objectKey = store.location.objectKey(stored.storageKey)
        let size = try #require(try await store.client.headObject(objectKey)).size
        var bytes = Array(try await store.client.getObject(objectKey, bytes: 0...(size - 1), limit: Int(size)).bytes.readableBytesView)
        bytes[bytes.count - 100] ^= 0x01
        try await store.client.putObject(objectKey, body: ByteBuffer(bytes: bytes))
        let contents = try await store.read(stored.storageKey, expectedSHA256: stored.sha256, binding: "record=a;case=b")
        await #expect(throws: DocumentIntegrityFailure.self) {
            for try await _ in contents.chunks {}
        }
        // a truncated object is refused too
        try await store.client.putObject(objectKey, body: ByteBuffer(bytes: bytes.prefix(bytes.count - (1 << 20))))
        let truncated = try await store.read(stored.storageKey, expectedSHA256: stored.sha256, binding: "record=a;case=b")
        await #expect(throws: DocumentIntegrityFailure.self) {
            for try await _ in truncated.chunks {}
        }
        let stranger = S3DocumentStore(
            client: store.client, location: store.location,
            currentKey: .init(id: "other", key: SymmetricKey(size: .bits256)), partSize: 5 << 20)
        let other = try await put(plaintext, piece: 1 << 20, binding: "record=a;case=b", into: stranger)
        await #expect(throws: DocumentIntegrityFailure.self) {
            _ = try await store.read(other.storageKey, expectedSHA256: other.sha256, binding: "record=a;case=b")
        }
    }

    @Test("an upload cut off after its first part is aborted in the store, and nothing is left under its key")
    func abortedUpload() async throws {
        let store = try await store()
        let writer = try await store.makeWriter(binding: "record=a;case=b")
        try await writer.write(ByteBuffer(bytes: Self.random(12 << 20)))
        #expect(try await store.client.listMultipartUploads(prefix: store.location.prefix).count == 1)
        await writer.abort()
        #expect(try await store.client.listMultipartUploads(prefix: store.location.prefix).isEmpty)
        #expect(try await store.storageKeys().isEmpty)
    }

    @Test("the sweep aborts uploads a dead instance left, removes objects no record names, and keeps the rest")
    func sweep() async throws {
        let store = try await store()
        let kept = try await put(Self.random(1000), piece: 1000, binding: "record=a;case=b", into: store)
        let orphan = try await put(Self.random(1000), piece: 1000, binding: "record=c;case=b", into: store)
        let abandoned = try await store.makeWriter(binding: "record=d;case=b")
        try await abandoned.write(ByteBuffer(bytes: Self.random(6 << 20)))
        // young ones are left alone: they may belong to an upload whose row is about to commit
        #expect(try await store.sweep(referenced: [kept.storageKey], olderThan: 3600) == 0)
        try await Task.sleep(for: .seconds(1.1))
        #expect(try await store.sweep(referenced: [kept.storageKey], olderThan: 1) == 2)
        #expect(try await store.storageKeys() == [kept.storageKey])
        #expect(try await store.client.listMultipartUploads(prefix: store.location.prefix).isEmpty)
        #expect(orphan.storageKey != kept.storageKey)
    }

    @Test("a wrong secret key, or a bucket that does not exist, stops the start with a message that names the variable")
    func startUpCheck() async throws {
        var settings = try #require(S3TestStore.settings())
        settings.secretKey = "not-the-secret"
        var config = try TestApp.configuration()
        config.database = .sqliteMemory
        config.storage = .s3(settings)
        await #expect {
            _ = try await AppDependencies.make(config: config, logger: TestApp.logger)
        } throws: { error in
            "\(error)".contains("CONSILIUM_STORAGE_URL") && "\(error)".contains("SignatureDoesNotMatch")
                && !"\(error)".contains("not-the-secret")
        }
        let missing = try #require(S3TestStore.settings(bucket: "no-such-bucket-\(UUID().uuidString.prefix(8).lowercased())"))
        config.storage = .s3(missing)
        await #expect {
            _ = try await AppDependencies.make(config: config, logger: TestApp.logger)
        } throws: { error in "\(error)".contains("the bucket no-such-bucket-") }
    }
}
