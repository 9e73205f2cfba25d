import Testing

@testable import ConsiliumCore

@Suite("Image sizes read from headers")
struct ImageDimensionsTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func be(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(width) + be(height)
            + [8, 2, 0, 0, 0] + [0, 0, 0, 0] + [UInt8](repeating: 0, count: 100)
    }

    /// A JPEG with an APP1 segment of `exif` bytes before its baseline frame header.
    static func jpeg(width: UInt16, height: UInt16, exif: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        if exif > 0 {
            let length = exif + 2
            bytes += [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + [UInt8](repeating: 0x45, count: exif)
        }
        bytes += [0xFF, 0xFF]  // a fill byte
        bytes += [0xFF, 0xC0, 0x00, 0x11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
        bytes += [UInt8](repeating: 1, count: 9) + [0xFF, 0xDA, 0x00, 0x02] + [UInt8](repeating: 0x33, count: 50) + [0xFF, 0xD9]
        return bytes
    }

    func read(_ bytes: [UInt8], kind: FileKind, piece: Int) throws -> ImageDimensions.Size? {
        var reader = try #require(ImageDimensions(kind: kind))
        var offset = 0
        while offset < bytes.count, reader.size == nil {
            try reader.feed(bytes[offset..<min(bytes.count, offset + piece)])
            offset += piece
        }
        return reader.size
    }

    @Test("a PNG's size comes from IHDR, however the bytes arrive", arguments: [1, 7, 4096])
    func png(_ piece: Int) throws {
        #expect(try read(Self.png(width: 30000, height: 30000), kind: .png, piece: piece) == .init(width: 30000, height: 30000))
    }

    @Test("a JPEG's size comes from its frame header, past a 60 KB EXIF segment", arguments: [1, 13, 4096, 100_000])
    func jpeg(_ piece: Int) throws {
        let size = try read(Self.jpeg(width: 4032, height: 3024, exif: 60_000), kind: .jpeg, piece: piece)
        #expect(size == .init(width: 4032, height: 3024))
        #expect(size?.pixels == 12_192_768)
    }

    @Test("headers that declare no usable size are refused")
    func malformed() {
        var png = ImageDimensions(kind: .png)!
        #expect(throws: ImageDimensions.Malformed.self) { try png.feed(Array(Self.png(width: 0, height: 10))) }
        var jpeg = ImageDimensions(kind: .jpeg)!
        // scan data before any frame header
        #expect(throws: ImageDimensions.Malformed.self) { try jpeg.feed([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0x00]) }
        #expect(ImageDimensions(kind: .pdf) == nil)
    }
}
