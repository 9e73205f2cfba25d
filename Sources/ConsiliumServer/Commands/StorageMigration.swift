import ConsiliumCore
import Crypto
import Foundation
import NIOCore

/// `consilium storage migrate --to s3://…`: copies every stored document from the data folder's
/// `documents/` to a bucket, byte for byte (the ciphertext as it is: nothing is decrypted, and
/// the same master keys read it there). Each object is read back and checked against the file's
/// size and SHA-256 before it counts as copied. Resumable: an object already in the bucket with
/// the file's size and recorded hash is left alone, so a run cut off is simply run again. It
/// switches nothing: the operator sets `CONSILIUM_STORAGE_URL` once it reports every file copied.
public struct StorageMigration: Sendable {
    let folder: String
    let client: S3Client
    let location: S3Location
    /// Files up to this size go in one PutObject; larger ones as a multipart upload in parts of it.
    let partSize: Int

    /// The metadata name under which each copied object carries its bytes' SHA-256.
    static let hashMetadata = "consilium-sha256"

    public init(dataDirectory: String, settings: AppConfig.S3Settings, partSize: Int = 16 << 20) {
        folder = (dataDirectory as NSString).appendingPathComponent("documents")
        client = S3Client(settings)
        location = settings.location
        self.partSize = max(partSize, 5 << 20)
    }

    public struct Report: Sendable, Equatable {
        public var copied = 0
        public var alreadyThere = 0
        public var bytesCopied: Int64 = 0
    }

    /// A copied object did not read back as the file it came from.
    public struct Mismatch: Error, CustomStringConvertible {
        public let storageKey: String
        public var description: String { "the copy of \(storageKey) did not read back with the file's size and SHA-256" }
    }

    /// Copies what is missing; `progress` gets one line per file.
    public func run(progress: (String) -> Void = { _ in }) async throws -> Report {
        try await client.bucketIsReachable()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(LocalDocumentStore.suffix) }.sorted()
        var report = Report()
        for (index, name) in names.enumerated() {
            let storageKey = String(name.dropLast(LocalDocumentStore.suffix.count))
            let path = (folder as NSString).appendingPathComponent(name)
            let (size, hash) = try Self.measure(path)
            let objectKey = location.objectKey(storageKey)
            let counter = "[\(index + 1)/\(names.count)] \(storageKey)"
            if let head = try await client.headObject(objectKey), head.size == size, head.metadata[Self.hashMetadata] == hash {
                report.alreadyThere += 1
                progress("\(counter): already there")
                continue
            }
            try await upload(path, size: size, hash: hash, to: objectKey)
            guard try await readBack(objectKey) == (size, hash) else { throw Mismatch(storageKey: storageKey) }
            report.copied += 1
            report.bytesCopied += size
            progress("\(counter): copied and checked, \(size) bytes")
        }
        return report
    }

    /// A file's size and SHA-256, read in pieces.
    static func measure(_ path: String) throws -> (Int64, String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let piece = try handle.read(upToCount: 4 << 20), !piece.isEmpty {
            hasher.update(data: piece)
            size += Int64(piece.count)
        }
        return (size, Hex.encode(hasher.finalize()))
    }

    private func upload(_ path: String, size: Int64, hash: String, to objectKey: String) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? handle.close() }
        let metadata = [Self.hashMetadata: hash]
        if size <= Int64(partSize) {
            let bytes = try handle.read(upToCount: partSize) ?? Data()
            try await client.putObject(objectKey, body: ByteBuffer(bytes: bytes), metadata: metadata)
            return
        }
        let uploadID = try await client.createMultipartUpload(objectKey, metadata: metadata)
        do {
            var etags: [String] = []
            while let piece = try handle.read(upToCount: partSize), !piece.isEmpty {
                etags.append(
                    try await client.uploadPart(objectKey, uploadID: uploadID, number: etags.count + 1, body: ByteBuffer(bytes: piece)))
            }
            try await client.completeMultipartUpload(objectKey, uploadID: uploadID, parts: etags)
        } catch {
            try? await client.abortMultipartUpload(objectKey, uploadID: uploadID)
            throw error
        }
    }

    /// The stored object's size and SHA-256, read back from the store.
    private func readBack(_ objectKey: String) async throws -> (Int64, String) {
        let (total, body) = try await client.getObject(objectKey, range: 0...)
        var hasher = SHA256()
        var size: Int64 = 0
        for try await piece in body {
            piece.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            size += Int64(piece.readableBytes)
        }
        guard size == total else { return (size, "") }
        return (size, Hex.encode(hasher.finalize()))
    }
}

extension AppConfig {
    /// The object store `url` names, with the endpoint and keys from `CONSILIUM_S3_*` (as
    /// `CONSILIUM_STORAGE_URL` would be read); every problem is thrown together.
    public static func s3Settings(
        for url: String, variables: [String: String] = ProcessInfo.processInfo.environment
    ) throws
        -> S3Settings
    {
        var variables = variables
        variables["CONSILIUM_STORAGE_URL"] = url
        var reader = EnvironmentReader(variables: variables)
        let storage = readStorage(&reader)
        if let problems = reader.problemsIfAny { throw ConfigError(problems: problems) }
        guard case .s3(let settings) = storage else {
            throw ConfigError(problems: ["--to must be an s3://BUCKET/PREFIX address, not \(url)"])
        }
        return settings
    }
}
