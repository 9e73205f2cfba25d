import ConsiliumCore
import Crypto
import Foundation
import NIOCore

/// Where records' bytes live, encrypted. The local folder is the default; an object store can
/// take its place for several instances, behind the same protocol.
protocol DocumentStore: Sendable {
    /// Starts a new stored document bound to `binding` (see `RecordModel.binding`); nothing is
    /// visible under a key until `finish` returns.
    func makeWriter(binding: String) async throws -> any DocumentWriter
    /// The plaintext of a stored document, decrypted and checked chunk by chunk as it is read.
    /// Throws `DocumentIntegrityFailure` before returning when the file is not bound to
    /// `binding` or its header or first chunk does not authenticate.
    func read(_ storageKey: String, expectedSHA256: String, binding: String) async throws -> DocumentContents
    func remove(_ storageKey: String) async throws
    /// Every stored key.
    func storageKeys() async throws -> [String]
    /// Removes documents no record points to, and abandoned partial writes, older than `age`
    /// (younger ones may belong to an upload whose row is about to commit).
    func sweep(referenced: Set<String>, olderThan age: TimeInterval) async throws -> Int
}

/// Receives a document's plaintext in pieces and stores it encrypted.
protocol DocumentWriter: Sendable {
    func write(_ bytes: ByteBuffer) async throws
    /// Seals, syncs and moves the document into place.
    func finish() async throws -> StoredDocument
    /// Throws the partial document away.
    func abort() async
}

/// A document safely on disk.
struct StoredDocument: Sendable, Equatable {
    let storageKey: String
    let keyID: String
    let size: Int64
    let sha256: String
}

/// A stored document's size and its plaintext as a stream of buffers.
struct DocumentContents: Sendable {
    let size: Int64
    let chunks: PulledChunks
}

/// Buffers made one at a time, when the reader asks for the next: nothing is read or decrypted
/// ahead of a slow client, so a download holds one chunk in memory however long it takes.
/// For one reader (a response body); the state behind `produce` is never shared.
struct PulledChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    /// The next buffer, or nil at the end; throws `DocumentIntegrityFailure` when a check fails.
    let produce: @Sendable () async throws -> ByteBuffer?

    struct AsyncIterator: AsyncIteratorProtocol {
        let produce: @Sendable () async throws -> ByteBuffer?
        mutating func next() async throws -> ByteBuffer? { try await produce() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(produce: produce) }
}

/// The stored bytes do not match what the record says they should be.
struct DocumentIntegrityFailure: Error {}

/// A stored document read chunk by chunk, whatever holds it: each chunk is fetched only when
/// the reader asks for it, opened (authenticated) and hashed; after the last, the whole
/// document's SHA-256 must be the one recorded. The first chunk is opened by `openFirst`,
/// before the document is handed out, so a document whose start was altered sends nothing.
/// For one reader at a time (a response body), each call after the previous one returned.
final class ChunkOpener: @unchecked Sendable {
    private var opener: EncryptedFileFormat.Opener
    private var remaining: Int64
    private var first: [UInt8]?
    private var hasher = SHA256()
    private let expectedSHA256: String
    /// The next `length` stored bytes; fewer when the document ends early.
    private let fetch: (Int) async throws -> [UInt8]
    /// Releases the source (a file handle); called once, at the end or on failure.
    private var close: (() -> Void)?

    /// The plaintext's size: the stored bytes after the header, less a tag per chunk.
    let plaintextSize: Int64

    /// `storedBytes` is what follows the header in the stored document.
    init(
        opener: EncryptedFileFormat.Opener, storedBytes: Int64, expectedSHA256: String, fetch: @escaping (Int) async throws -> [UInt8],
        close: (() -> Void)? = nil
    ) {
        self.opener = opener
        self.remaining = storedBytes
        self.expectedSHA256 = expectedSHA256
        self.fetch = fetch
        self.close = close
        let stored = Int64(opener.storedChunkSize)
        plaintextSize = storedBytes - max(1, (storedBytes + stored - 1) / stored) * Int64(EncryptedFileFormat.tagSize)
    }

    deinit { close?() }

    /// Opens the first chunk; throws `DocumentIntegrityFailure` when it does not authenticate.
    func openFirst() async throws {
        do {
            first = try await openNext()
        } catch {
            release()
            throw DocumentIntegrityFailure()
        }
    }

    @Sendable func next() async throws -> ByteBuffer? {
        do {
            let plaintext: [UInt8]
            if let first {
                plaintext = first
                self.first = nil
            } else if remaining > 0 {
                plaintext = try await openNext()
            } else {
                return nil
            }
            if remaining == 0 {
                release()
                guard Hex.encode(hasher.finalize()) == expectedSHA256 else { throw DocumentIntegrityFailure() }
            }
            return ByteBuffer(bytes: plaintext)
        } catch {
            release()
            throw error is CancellationError ? error : DocumentIntegrityFailure()
        }
    }

    private func openNext() async throws -> [UInt8] {
        let length = Int(min(Int64(opener.storedChunkSize), remaining))
        let stored = try await fetch(length)
        remaining -= Int64(stored.count)
        guard stored.count == length else { throw DocumentIntegrityFailure() }
        let plaintext = try opener.open(stored, isFinal: remaining == 0)
        hasher.update(data: plaintext)
        return plaintext
    }

    private func release() {
        close?()
        close = nil
    }
}

extension EncryptedFileFormat.MasterKey {
    /// Every key that may open a stored document, by id: the current one and those before it.
    static func keyring(current: Self, previous: [Self]) -> [String: SymmetricKey] {
        var keys = [current.id: current.key]
        for key in previous { keys[key.id] = key.key }
        return keys
    }
}
