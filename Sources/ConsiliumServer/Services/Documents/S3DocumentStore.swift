import AsyncHTTPClient
import ConsiliumCore
import Crypto
import Foundation
import NIOCore

/// Documents as objects in an S3-compatible store (Ceph, MinIO, AWS S3), in the same encrypted
/// format as the local folder: the store only ever holds our ciphertext, sealed with keys the
/// master key wraps, whatever its own encryption does.
///
/// A document of up to one part is sent in one `PutObject` when it is finished; a larger one
/// goes up as a multipart upload, a part at a time while the rest is still being received (one
/// part in flight, one filling: memory stays about two parts). The object exists only once the
/// upload is completed, and the caller commits its row after that; an upload cut off is aborted,
/// and `sweep` aborts any the store still holds (a crashed instance's) and removes orphans.
struct S3DocumentStore: DocumentStore {
    let client: S3Client
    let location: S3Location
    let currentKey: EncryptedFileFormat.MasterKey
    let keys: [String: SymmetricKey]
    /// Ciphertext per part (S3 wants at least 5 MiB for every part but the last).
    let partSize: Int

    init(
        client: S3Client, location: S3Location, currentKey: EncryptedFileFormat.MasterKey,
        previousKeys: [EncryptedFileFormat.MasterKey] = [], partSize: Int = 8 << 20
    ) {
        precondition(partSize >= 5 << 20, "S3 refuses parts under 5 MiB")
        self.client = client
        self.location = location
        self.currentKey = currentKey
        self.keys = EncryptedFileFormat.MasterKey.keyring(current: currentKey, previous: previousKeys)
        self.partSize = partSize
    }

    func makeWriter(binding: String) async throws -> any DocumentWriter {
        let storageKey = UUID().uuidString.lowercased()
        let sealer = try EncryptedFileFormat.Sealer(masterKey: currentKey, binding: binding)
        return S3DocumentWriter(store: self, storageKey: storageKey, sealer: sealer)
    }

    func read(_ storageKey: String, expectedSHA256: String, binding: String) async throws -> DocumentContents {
        let objectKey = location.objectKey(storageKey)
        // The header first (it is small and says the chunk size), checked before anything is returned.
        let (total, start) = try await client.getObject(objectKey, bytes: 0...65_535, limit: 65_536)
        let opener: EncryptedFileFormat.Opener
        do {
            opener = try EncryptedFileFormat.Opener(fileStart: Array(start.readableBytesView), keys: keys)
        } catch {
            throw DocumentIntegrityFailure()
        }
        guard opener.binding == binding else { throw DocumentIntegrityFailure() }
        let headerSize = Int64(opener.header.count)
        guard total - headerSize >= Int64(EncryptedFileFormat.tagSize) else { throw DocumentIntegrityFailure() }
        // Then the chunks, as one ranged stream from the end of the header, read no further
        // than the chunk being opened.
        let (_, stream) = try await client.getObject(objectKey, range: headerSize...)
        let body = ObjectBody(stream)
        let reader = ChunkOpener(
            opener: opener, storedBytes: total - headerSize, expectedSHA256: expectedSHA256, fetch: body.read)
        try await reader.openFirst()
        return DocumentContents(size: reader.plaintextSize, chunks: PulledChunks(produce: reader.next))
    }

    /// An object's body, handed out in the lengths asked for.
    private final class ObjectBody: @unchecked Sendable {
        // Read by one `ChunkOpener`, one call at a time.
        private var iterator: HTTPClientResponse.Body.AsyncIterator
        private var pending = ByteBuffer()

        init(_ body: HTTPClientResponse.Body) { iterator = body.makeAsyncIterator() }

        /// The next `length` bytes, or fewer when the body ends first.
        func read(_ length: Int) async throws -> [UInt8] {
            while pending.readableBytes < length, var piece = try await iterator.next() {
                pending.writeBuffer(&piece)
            }
            let bytes = pending.readBytes(length: min(length, pending.readableBytes)) ?? []
            if pending.readerIndex > 4 << 20 { pending.discardReadBytes() }
            return bytes
        }
    }

    func remove(_ storageKey: String) async throws {
        try await client.deleteObject(location.objectKey(storageKey))
    }

    func storageKeys() async throws -> [String] {
        try await client.listObjects(prefix: location.prefix).compactMap { location.storageKey($0.key) }
    }

    /// Aborts multipart uploads older than `age` (an instance killed mid-upload leaves them,
    /// and the store keeps their parts until told), then removes objects no record names.
    func sweep(referenced: Set<String>, olderThan age: TimeInterval) async throws -> Int {
        let cutoff = Date().addingTimeInterval(-age)
        var removed = 0
        for upload in try await client.listMultipartUploads(prefix: location.prefix) where upload.initiated < cutoff {
            try await client.abortMultipartUpload(upload.key, uploadID: upload.uploadID)
            removed += 1
        }
        for object in try await client.listObjects(prefix: location.prefix) where object.lastModified < cutoff {
            guard let key = location.storageKey(object.key), !referenced.contains(key) else { continue }
            try await client.deleteObject(object.key)
            removed += 1
        }
        return removed
    }
}

/// Seals plaintext chunk by chunk into parts and sends each full part while the next fills.
final class S3DocumentWriter: DocumentWriter, @unchecked Sendable {
    // Used by one upload at a time: the handler awaits each `write` before the next, and each
    // part awaits the one before it, so the state below is never touched concurrently.
    private let store: S3DocumentStore
    private let storageKey: String
    private var sealer: EncryptedFileFormat.Sealer
    private var plaintext = ByteBuffer()
    /// Sealed bytes of the part being filled (the header first, in part 1).
    private var part = ByteBuffer()
    private var uploadID: String?
    private var etags: [String] = []
    private var inFlight: Task<Void, any Error>?
    private var hasher = SHA256()
    private var size: Int64 = 0

    init(store: S3DocumentStore, storageKey: String, sealer: EncryptedFileFormat.Sealer) {
        self.store = store
        self.storageKey = storageKey
        self.sealer = sealer
        part.writeBytes(sealer.header)
    }

    private var objectKey: String { store.location.objectKey(storageKey) }

    func write(_ bytes: ByteBuffer) async throws {
        var incoming = bytes
        size += Int64(incoming.readableBytes)
        incoming.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        plaintext.writeBuffer(&incoming)
        let chunkSize = sealer.chunkSize
        // Whole chunks only, and never the very last byte: `finish` decides which chunk is final.
        while plaintext.readableBytes > chunkSize {
            try plaintext.readWithUnsafeReadableBytes { raw in
                let (ciphertext, tag) = try sealer.sealParts(UnsafeRawBufferPointer(rebasing: raw[0..<chunkSize]), isFinal: false)
                part.writeBytes(ciphertext)
                part.writeBytes(tag)
                return chunkSize
            }
            if part.readableBytes >= store.partSize { try await sendPart() }
        }
        if plaintext.readerIndex > 4 << 20 { plaintext.discardReadBytes() }
    }

    /// Starts sending the part filled so far, after the previous one has gone.
    private func sendPart() async throws {
        let body = part
        part = ByteBuffer()
        try await inFlight?.value
        let client = store.client
        let key = objectKey
        if uploadID == nil { uploadID = try await client.createMultipartUpload(key) }
        let id = uploadID!
        let number = etags.count + 1
        etags.append("")
        inFlight = Task { [self] in
            let etag = try await client.uploadPart(key, uploadID: id, number: number, body: body)
            self.etags[number - 1] = etag
        }
    }

    func finish() async throws -> StoredDocument {
        let final = Array(plaintext.readableBytesView)
        plaintext.clear()
        if final.count == sealer.chunkSize {
            let (ciphertext, tag) = try sealer.sealParts(final, isFinal: false)
            part.writeBytes(ciphertext)
            part.writeBytes(tag)
            let (lastCiphertext, lastTag) = try sealer.sealParts([UInt8](), isFinal: true)
            part.writeBytes(lastCiphertext)
            part.writeBytes(lastTag)
        } else {
            let (ciphertext, tag) = try sealer.sealParts(final, isFinal: true)
            part.writeBytes(ciphertext)
            part.writeBytes(tag)
        }
        if uploadID == nil {
            try await store.client.putObject(objectKey, body: part)
        } else {
            try await sendPart()
            try await inFlight?.value
            inFlight = nil
            try await store.client.completeMultipartUpload(objectKey, uploadID: uploadID!, parts: etags)
        }
        part = ByteBuffer()
        return StoredDocument(storageKey: storageKey, keyID: store.currentKey.id, size: size, sha256: Hex.encode(hasher.finalize()))
    }

    func abort() async {
        _ = try? await inFlight?.value
        inFlight = nil
        if let uploadID { try? await store.client.abortMultipartUpload(objectKey, uploadID: uploadID) }
        plaintext.clear()
        part = ByteBuffer()
    }
}
