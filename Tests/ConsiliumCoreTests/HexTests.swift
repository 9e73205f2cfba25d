import ConsiliumCore
import Crypto
import Foundation
import Testing

@Suite("Hex")
struct HexTests {
    @Test("two lowercase digits a byte, the same as the formatted form")
    func encode() {
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        let digest = SHA256.hash(data: Data("abc".utf8))
        #expect(Hex.encode(digest) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(digest) == digest.map { String(format: "%02x", $0) }.joined())
    }
}
