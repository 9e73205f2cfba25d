import Crypto
import Foundation

/// How a record is kept at rest: AES-256-GCM in chunks, under a per-file data key that is itself
/// sealed with a master key named by id (so master keys can be rotated).
///
///     "CNSLENC2" | key-id length (1) | key id | binding length (2, BE) | binding
///                | sealed data key (60) | nonce prefix (8) | chunk size (4, BE)
///     then chunks: ciphertext and tag of up to `chunkSize` plaintext bytes each
///
/// The binding names what the file belongs to (a record's id and its case's): the data key is
/// sealed with the binding as authenticated data, and the header (binding included) is
/// authenticated by every chunk, so a file copied over another record's is refused when the
/// header is read, before any plaintext. Chunk `i` uses the nonce prefix followed by `i`
/// (4 bytes, BE) and authenticates the header, its index and whether it is the last, so chunks
/// cannot be reordered, dropped or cut off. The last chunk may be empty. Version 1 files
/// ("CNSLENC1": no binding, the data key sealed without authenticated data) are still read, and
/// report no binding.
public enum EncryptedFileFormat {
    public static let magic = Array("CNSLENC2".utf8)
    static let unboundMagic = Array("CNSLENC1".utf8)
    public static let defaultChunkSize = 1 << 20
    public static let tagSize = 16

    /// A master key and the id under which its files name it.
    public struct MasterKey: Sendable {
        public let id: String
        public let key: SymmetricKey

        public init(id: String, key: SymmetricKey) {
            self.id = id
            self.key = key
        }
    }

    /// The stored bytes do not decrypt: the file was altered, cut short, or needs a key we lack.
    public enum Failure: Error, Equatable, Sendable {
        case notEncryptedFile
        case unknownKey(String)
        case tampered
        /// A chunk other than the last was not exactly the chunk size (a programming error).
        case chunkSize
    }

    /// Encrypts a stream of plaintext chunk by chunk; call `seal` for each full chunk and `finish` once.
    public struct Sealer: Sendable {
        public let header: [UInt8]
        public let chunkSize: Int
        private let dataKey: SymmetricKey
        private let noncePrefix: [UInt8]
        private var index: UInt32 = 0

        /// `binding` names what the file belongs to; the reader must expect exactly it.
        public init(masterKey: MasterKey, binding: String, chunkSize: Int = defaultChunkSize) throws {
            self.chunkSize = chunkSize
            dataKey = SymmetricKey(size: .bits256)
            var prefix = [UInt8](repeating: 0, count: 8)
            var generator = SystemRandomNumberGenerator()
            for index in prefix.indices { prefix[index] = .random(in: .min ... .max, using: &generator) }
            noncePrefix = prefix
            let bound = Array(binding.utf8)
            guard bound.count <= Int(UInt16.max),
                let wrapped = try AES.GCM.seal(dataKey.withUnsafeBytes { Data($0) }, using: masterKey.key, authenticating: bound).combined
            else {
                throw Failure.notEncryptedFile
            }
            let keyID = Array(masterKey.id.utf8)
            var header = magic
            header.append(UInt8(keyID.count))
            header += keyID
            header += withUnsafeBytes(of: UInt16(bound.count).bigEndian, Array.init)
            header += bound
            header += Array(wrapped)
            header += prefix
            header += withUnsafeBytes(of: UInt32(chunkSize).bigEndian, Array.init)
            self.header = header
        }

        /// Seals one chunk; all but the last must be exactly `chunkSize` bytes.
        public mutating func seal<Bytes: DataProtocol>(_ plaintext: Bytes, isFinal: Bool) throws -> [UInt8] {
            let (ciphertext, tag) = try sealParts(plaintext, isFinal: isFinal)
            return Array(ciphertext) + Array(tag)
        }

        /// Seals one chunk and returns its ciphertext and tag, to be stored one after the other.
        public mutating func sealParts<Bytes: DataProtocol>(_ plaintext: Bytes, isFinal: Bool) throws -> (Data, Data) {
            guard isFinal || plaintext.count == chunkSize, plaintext.count <= chunkSize else { throw Failure.chunkSize }
            let box = try AES.GCM.seal(
                plaintext, using: dataKey, nonce: try nonce(noncePrefix, index),
                authenticating: EncryptedFileFormat.associatedData(header: header, index: index, isFinal: isFinal))
            index += 1
            return (box.ciphertext, box.tag)
        }
    }

    /// Decrypts chunk by chunk, checking every chunk's place in the file.
    public struct Opener: Sendable {
        public let header: [UInt8]
        public let chunkSize: Int
        public let keyID: String
        private let dataKey: SymmetricKey
        private let noncePrefix: [UInt8]
        private var index: UInt32 = 0

        /// What the file says it belongs to; nil for a version 1 file, which names nothing.
        public let binding: String?

        /// Reads the header from the start of the file; `header.count` says how many bytes it took.
        public init(fileStart: [UInt8], keys: [String: SymmetricKey]) throws(Failure) {
            let bound = fileStart.starts(with: magic)
            guard bound || fileStart.starts(with: unboundMagic), fileStart.count > magic.count else { throw .notEncryptedFile }
            let idLength = Int(fileStart[magic.count])
            let idStart = magic.count + 1
            var wrappedStart = idStart + idLength
            var bindingBytes: [UInt8] = []
            if bound {
                guard fileStart.count >= wrappedStart + 2 else { throw .notEncryptedFile }
                let length = Int(fileStart[wrappedStart]) << 8 | Int(fileStart[wrappedStart + 1])
                guard fileStart.count >= wrappedStart + 2 + length else { throw .notEncryptedFile }
                bindingBytes = Array(fileStart[(wrappedStart + 2)..<(wrappedStart + 2 + length)])
                wrappedStart += 2 + length
            }
            let prefixStart = wrappedStart + 60
            let sizeStart = prefixStart + 8
            guard fileStart.count >= sizeStart + 4 else { throw .notEncryptedFile }
            keyID = String(decoding: fileStart[idStart..<(idStart + idLength)], as: UTF8.self)
            guard let master = keys[keyID] else { throw .unknownKey(keyID) }
            do {
                let box = try AES.GCM.SealedBox(combined: Data(fileStart[wrappedStart..<prefixStart]))
                let opened =
                    bound ? try AES.GCM.open(box, using: master, authenticating: bindingBytes) : try AES.GCM.open(box, using: master)
                dataKey = SymmetricKey(data: opened)
            } catch {
                throw .tampered
            }
            binding = bound ? String(decoding: bindingBytes, as: UTF8.self) : nil
            noncePrefix = Array(fileStart[prefixStart..<sizeStart])
            chunkSize = Int(fileStart[sizeStart..<(sizeStart + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard chunkSize > 0, chunkSize <= 64 << 20 else { throw .notEncryptedFile }
            header = Array(fileStart[0..<(sizeStart + 4)])
        }

        /// The length of one stored chunk (all but the last).
        public var storedChunkSize: Int { chunkSize + tagSize }

        public mutating func open(_ stored: [UInt8], isFinal: Bool) throws(Failure) -> [UInt8] {
            guard stored.count >= tagSize, stored.count <= storedChunkSize, isFinal || stored.count == storedChunkSize else {
                throw .tampered
            }
            do {
                let box = try AES.GCM.SealedBox(
                    nonce: try nonce(noncePrefix, index), ciphertext: stored.dropLast(tagSize), tag: stored.suffix(tagSize))
                let plaintext = try AES.GCM.open(
                    box, using: dataKey, authenticating: associatedData(header: header, index: index, isFinal: isFinal))
                index += 1
                return Array(plaintext)
            } catch {
                throw .tampered
            }
        }
    }

    static func nonce(_ prefix: [UInt8], _ index: UInt32) throws -> AES.GCM.Nonce {
        try AES.GCM.Nonce(data: prefix + withUnsafeBytes(of: index.bigEndian, Array.init))
    }

    static func associatedData(header: [UInt8], index: UInt32, isFinal: Bool) -> [UInt8] {
        Array(SHA256.hash(data: header)) + withUnsafeBytes(of: index.bigEndian, Array.init) + [isFinal ? 1 : 0]
    }
}
