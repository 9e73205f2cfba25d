import Testing

@testable import ConsiliumCore

@Suite("QR Code encoder")
struct QRCodeTests {
    @Test("Reed–Solomon codewords match the worked example of ISO/IEC 18004 Annex I (1-M, \"01234567\")")
    func reedSolomon() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let ecc = ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10))
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test("byte capacities match the standard's table at its corners")
    func capacities() {
        let expected: [(Int, QRCode.ErrorCorrection, Int)] = [
            (1, .low, 17), (1, .medium, 14), (1, .quartile, 11), (1, .high, 7), (10, .medium, 213), (26, .low, 1367), (27, .low, 1465),
            (40, .low, 2953), (40, .medium, 2331), (40, .quartile, 1663), (40, .high, 1273),
        ]
        for (version, level, bytes) in expected {
            #expect(QRCode.byteCapacity(version: version, correction: level) == bytes, "version \(version) \(level)")
        }
    }

    @Test("the smallest version that fits is chosen, and 17 + 4v modules make a side")
    func versionChoice() throws {
        let small = try QRCode(text: String(repeating: "a", count: 14), correction: .medium)
        #expect(small.version == 1)
        #expect(small.size == 21)
        let next = try QRCode(text: String(repeating: "a", count: 15), correction: .medium)
        #expect(next.version == 2)
        #expect(try QRCode(text: "a", minimumVersion: 7).version == 7)
        #expect(throws: QRCode.EncodingError.tooLong(capacity: 1273)) {
            try QRCode(bytes: [UInt8](repeating: 0x61, count: 1274), correction: .high)
        }
    }

    @Test("the three finder patterns sit in their corners with their separators")
    func finders() throws {
        let code = try QRCode(text: "otpauth://totp/x?secret=ABC")
        for (left, top) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.isDark(x: left, y: top) && code.isDark(x: left + 6, y: top + 6))
            #expect(!code.isDark(x: left + 1, y: top + 1) && code.isDark(x: left + 3, y: top + 3))
        }
        #expect(!code.isDark(x: 7, y: 0) && !code.isDark(x: 0, y: 7))
        #expect(code.isDark(x: 8, y: code.size - 8), "the dark module")
    }

    @Test("the SVG has a quiet zone, an accessible name (escaped) and no script")
    func svg() throws {
        let code = try QRCode(text: "hello")
        let svg = code.svg(title: "Scan <me> & \"enrol\"")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\""))
        #expect(svg.contains("aria-label=\"Scan &lt;me> &amp; &quot;enrol&quot;\""))
        #expect(svg.contains("M4 4h7v1h-7z"), "the top-left finder's first row, offset by the quiet zone")
        #expect(!svg.contains("<script"))
    }
}
