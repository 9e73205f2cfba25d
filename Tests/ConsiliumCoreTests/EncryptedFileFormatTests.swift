import Crypto
import Foundation
import Testing

@testable import ConsiliumCore

@Suite("Records encrypted at rest")
struct EncryptedFileFormatTests {
    let current = EncryptedFileFormat.MasterKey(id: "2026-11", key: SymmetricKey(size: .bits256))
    let chunk = 64

    /// Encrypts `plaintext` as the store does and returns the stored chunks after the header.
    func encrypt(
        _ plaintext: [UInt8], key: EncryptedFileFormat.MasterKey? = nil, binding: String = "record=A;case=B"
    ) throws -> (header: [UInt8], chunks: [[UInt8]]) {
        var sealer = try EncryptedFileFormat.Sealer(masterKey: key ?? current, binding: binding, chunkSize: chunk)
        var chunks: [[UInt8]] = []
        var offset = 0
        while plaintext.count - offset > chunk || (plaintext.count - offset == chunk) {
            chunks.append(try sealer.seal(plaintext[offset..<(offset + chunk)], isFinal: false))
            offset += chunk
        }
        chunks.append(try sealer.seal(plaintext[offset...], isFinal: true))
        return (sealer.header, chunks)
    }

    func decrypt(header: [UInt8], chunks: [[UInt8]], keys: [String: SymmetricKey]? = nil) throws -> [UInt8] {
        var opener = try EncryptedFileFormat.Opener(fileStart: header, keys: keys ?? [current.id: current.key])
        var plaintext: [UInt8] = []
        for (index, stored) in chunks.enumerated() { plaintext += try opener.open(stored, isFinal: index == chunks.count - 1) }
        return plaintext
    }

    @Test("round trips at every boundary around the chunk size", arguments: [0, 1, 63, 64, 65, 128, 200])
    func roundTrip(_ size: Int) throws {
        let plaintext = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let (header, chunks) = try encrypt(plaintext)
        #expect(try decrypt(header: header, chunks: chunks) == plaintext)
        #expect(!chunks.joined().contains(Array(plaintext.prefix(16))) || size < 16)
    }

    @Test("a changed byte, a dropped, reordered or cut-off chunk is detected")
    func tampering() throws {
        let plaintext = [UInt8](repeating: 42, count: 200)
        let (header, chunks) = try encrypt(plaintext)
        var flipped = chunks
        flipped[1][5] ^= 0x01
        #expect(throws: EncryptedFileFormat.Failure.tampered) { try decrypt(header: header, chunks: flipped) }
        #expect(throws: EncryptedFileFormat.Failure.tampered) { try decrypt(header: header, chunks: Array(chunks.dropLast())) }
        #expect(throws: EncryptedFileFormat.Failure.tampered) {
            try decrypt(header: header, chunks: [chunks[1], chunks[0]] + chunks[2...])
        }
        var cut = chunks
        cut[cut.count - 1].removeLast()
        #expect(throws: EncryptedFileFormat.Failure.tampered) { try decrypt(header: header, chunks: cut) }
        var otherHeader = header
        otherHeader[otherHeader.count - 20] ^= 0x01  // inside the sealed data key
        #expect(throws: EncryptedFileFormat.Failure.tampered) { try decrypt(header: otherHeader, chunks: chunks) }
    }

    @Test("a file names its master key, so an old key can still read it after rotation")
    func rotation() throws {
        let old = EncryptedFileFormat.MasterKey(id: "2025-01", key: SymmetricKey(size: .bits256))
        let (header, chunks) = try encrypt([1, 2, 3], key: old)
        #expect(throws: EncryptedFileFormat.Failure.unknownKey("2025-01")) { try decrypt(header: header, chunks: chunks) }
        #expect(try decrypt(header: header, chunks: chunks, keys: [current.id: current.key, old.id: old.key]) == [1, 2, 3])
        // the same id with another key is not accepted
        #expect(throws: EncryptedFileFormat.Failure.tampered) { try decrypt(header: header, chunks: chunks, keys: [old.id: current.key]) }
    }

    @Test("something that is not an encrypted record is said to be so")
    func notEncrypted() {
        #expect(throws: EncryptedFileFormat.Failure.notEncryptedFile) {
            try EncryptedFileFormat.Opener(fileStart: Array("%PDF-1.7".utf8), keys: [:])
        }
    }

    @Test("a file names what it belongs to, and a changed binding opens nothing")
    func binding() throws {
        let (header, chunks) = try encrypt([1, 2, 3], binding: "record=1111;case=2222")
        #expect(try EncryptedFileFormat.Opener(fileStart: header, keys: [current.id: current.key]).binding == "record=1111;case=2222")
        // the binding rewritten to another record's: the data key no longer opens
        let text = Array("record=1111".utf8)
        let at = try #require((0...(header.count - text.count)).first { Array(header[$0..<($0 + text.count)]) == text })
        var rewritten = header
        rewritten.replaceSubrange(at..<(at + text.count), with: Array("record=3333".utf8))
        #expect(throws: EncryptedFileFormat.Failure.tampered) { try decrypt(header: rewritten, chunks: chunks) }
    }

    @Test("a version 1 file (no binding) is still read, and says it names nothing")
    func versionOne() throws {
        // a version 1 header: magic, key id, the data key sealed without authenticated data, nonce prefix, chunk size
        let dataKey = SymmetricKey(size: .bits256)
        let wrapped = try #require(try AES.GCM.seal(dataKey.withUnsafeBytes { Data($0) }, using: current.key).combined)
        let header =
            Array("CNSLENC1".utf8) + [UInt8(current.id.utf8.count)] + Array(current.id.utf8) + Array(wrapped)
            + [UInt8](repeating: 0, count: 8) + [0, 0, 0, UInt8(chunk)]
        let opener = try EncryptedFileFormat.Opener(fileStart: header, keys: [current.id: current.key])
        #expect(opener.binding == nil)
        #expect(opener.chunkSize == chunk)
    }
}
