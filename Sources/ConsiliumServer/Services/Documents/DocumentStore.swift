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

extension EncryptedFileFormat.MasterKey {
    /// Every key that may open a stored document, by id: the current one and those before it.
    static func keyring(current: Self, previous: [Self]) -> [String: SymmetricKey] {
        var keys = [current.id: current.key]
        for key in previous { keys[key.id] = key.key }
        return keys
    }
}
