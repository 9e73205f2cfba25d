import ConsiliumCore
import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Documents as encrypted files in a private folder (`data/documents` by default), named by a
/// generated id, never by anything a user typed. A document is written to a temporary file,
/// synced, then renamed into place; the caller commits its database row afterwards, so a crash
/// leaves at worst an orphan file, which `storageKeys` lets the sweep find.
struct LocalDocumentStore: DocumentStore {
    let directory: String
    let currentKey: EncryptedFileFormat.MasterKey
    let keys: [String: SymmetricKey]
    let threadPool: NIOThreadPool

    static let suffix = ".rec"
    static let temporaryPrefix = ".partial-"

    init(
        directory: String, currentKey: EncryptedFileFormat.MasterKey, previousKeys: [EncryptedFileFormat.MasterKey] = [],
        threadPool: NIOThreadPool = .singleton
    )
        throws
    {
        self.directory = directory
        self.currentKey = currentKey
        self.keys = EncryptedFileFormat.MasterKey.keyring(current: currentKey, previous: previousKeys)
        self.threadPool = threadPool
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func makeWriter(binding: String) async throws -> any DocumentWriter {
        let key = UUID().uuidString.lowercased()
        let temporary = (directory as NSString).appendingPathComponent(Self.temporaryPrefix + key)
        let sealer = try EncryptedFileFormat.Sealer(masterKey: currentKey, binding: binding)
        return try await threadPool.runIfActive {
            guard FileManager.default.createFile(atPath: temporary, contents: Data(sealer.header), attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: temporary)
            else { throw CocoaError(.fileWriteUnknown) }
            try handle.seekToEnd()
            return LocalDocumentWriter(
                store: self, storageKey: key, temporaryPath: temporary, handle: handle, sealer: sealer, keyID: currentKey.id)
        }
    }

    func path(for storageKey: String) -> String {
        (directory as NSString).appendingPathComponent(storageKey + Self.suffix)
    }

    func read(_ storageKey: String, expectedSHA256: String, binding: String) async throws -> DocumentContents {
        let path = path(for: storageKey)
        let keys = self.keys
        let pool = threadPool
        // The header is checked here, the first chunk before the document is returned: a file
        // that belongs to another record, or whose start was altered, is refused before a byte is sent.
        let (handle, opener, fileSize) = try await pool.runIfActive { () -> (FileHandle, EncryptedFileFormat.Opener, UInt64) in
            guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
            do {
                let size = try handle.seekToEnd()
                try handle.seek(toOffset: 0)
                let opener = try EncryptedFileFormat.Opener(fileStart: Array(try handle.read(upToCount: 70_000) ?? Data()), keys: keys)
                guard opener.binding == binding else { throw DocumentIntegrityFailure() }
                try handle.seek(toOffset: UInt64(opener.header.count))
                return (handle, opener, size)
            } catch {
                try? handle.close()
                throw DocumentIntegrityFailure()
            }
        }
        let reader = ChunkOpener(
            opener: opener, storedBytes: Int64(fileSize) - Int64(opener.header.count), expectedSHA256: expectedSHA256,
            fetch: { length in try await pool.runIfActive { Array(try handle.read(upToCount: length) ?? Data()) } },
            close: { try? handle.close() })
        try await reader.openFirst()
        return DocumentContents(size: reader.plaintextSize, chunks: PulledChunks(produce: reader.next))
    }

    func remove(_ storageKey: String) async throws {
        let path = path(for: storageKey)
        try await threadPool.runIfActive {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }

    func storageKeys() async throws -> [String] {
        let directory = self.directory
        return try await threadPool.runIfActive {
            try FileManager.default.contentsOfDirectory(atPath: directory).compactMap { name in
                name.hasSuffix(Self.suffix) ? String(name.dropLast(Self.suffix.count)) : nil
            }
        }
    }

    func sweep(referenced: Set<String>, olderThan age: TimeInterval) async throws -> Int {
        let directory = self.directory
        return try await threadPool.runIfActive {
            var removed = 0
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
                let isPartial = name.hasPrefix(Self.temporaryPrefix)
                let isOrphan = name.hasSuffix(Self.suffix) && !referenced.contains(String(name.dropLast(Self.suffix.count)))
                guard isPartial || isOrphan else { continue }
                let path = (directory as NSString).appendingPathComponent(name)
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
                if Date().timeIntervalSince(modified) >= age, (try? FileManager.default.removeItem(atPath: path)) != nil { removed += 1 }
            }
            return removed
        }
    }
}

/// Buffers plaintext to whole chunks, then hashes, seals and appends them on the thread pool
/// while the next bytes are being received (at most one batch in flight, so memory stays flat).
final class LocalDocumentWriter: DocumentWriter, @unchecked Sendable {
    // Used by one upload at a time: the handler awaits each `write` before the next, and every
    // batch awaits the one before it, so the mutable state below is never touched concurrently.
    private let store: LocalDocumentStore
    private let storageKey: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var sealer: EncryptedFileFormat.Sealer
    private let keyID: String
    private var pending = ByteBuffer()
    private var inFlight: Task<Void, any Error>?
    private var hasher = SHA256()
    private var size: Int64 = 0

    init(
        store: LocalDocumentStore, storageKey: String, temporaryPath: String, handle: FileHandle, sealer: EncryptedFileFormat.Sealer,
        keyID: String
    ) {
        self.store = store
        self.storageKey = storageKey
        self.temporaryPath = temporaryPath
        self.handle = handle
        self.sealer = sealer
        self.keyID = keyID
    }

    func write(_ bytes: ByteBuffer) async throws {
        var incoming = bytes
        size += Int64(incoming.readableBytes)
        pending.writeBuffer(&incoming)
        let chunkSize = sealer.chunkSize
        // Whole chunks only, and never the very last byte: `finish` decides which chunk is final.
        let take = (pending.readableBytes - 1) / chunkSize * chunkSize
        guard take > 0, let batch = pending.readSlice(length: take) else { return }
        // Keep the small remainder in a buffer of its own; compacting the shared one would copy the batch.
        var rest = ByteBuffer()
        rest.writeBuffer(&pending)
        pending = rest
        try await inFlight?.value
        inFlight = Task { try await self.store.threadPool.runIfActive { try self.sealAndAppend(batch) } }
    }

    /// Runs on the thread pool: hashes the batch, seals it chunk by chunk and appends it.
    private func sealAndAppend(_ batch: ByteBuffer) throws {
        let chunkSize = sealer.chunkSize
        try batch.withUnsafeReadableBytes { raw in
            hasher.update(bufferPointer: raw)
            var offset = 0
            while offset < raw.count {
                let (ciphertext, tag) = try sealer.sealParts(
                    UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + chunkSize)]), isFinal: false)
                try handle.write(contentsOf: ciphertext)
                try handle.write(contentsOf: tag)
                offset += chunkSize
            }
        }
    }

    func finish() async throws -> StoredDocument {
        try await inFlight?.value
        inFlight = nil
        pending.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        var sealed: [Data] = []
        if pending.readableBytes == sealer.chunkSize {
            let (ciphertext, tag) = try pending.withUnsafeReadableBytes { try sealer.sealParts($0, isFinal: false) }
            sealed += [ciphertext, tag]
            pending.clear()
        }
        let (ciphertext, tag) = try pending.withUnsafeReadableBytes { try sealer.sealParts($0, isFinal: true) }
        sealed += [ciphertext, tag]
        pending.clear()
        let handle = self.handle
        let temporary = temporaryPath
        let final = store.path(for: storageKey)
        let directory = store.directory
        let last = sealed
        try await store.threadPool.runIfActive {
            for piece in last { try handle.write(contentsOf: piece) }
            try handle.synchronize()
            try handle.close()
            try FileManager.default.moveItem(atPath: temporary, toPath: final)
            // Sync the folder too, so the rename itself survives a power cut.
            let descriptor = open(directory, O_RDONLY)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return StoredDocument(storageKey: storageKey, keyID: keyID, size: size, sha256: digest)
    }

    func abort() async {
        _ = try? await inFlight?.value
        let handle = self.handle
        let temporary = temporaryPath
        _ = try? await store.threadPool.runIfActive {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

}
