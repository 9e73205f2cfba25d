import Foundation
import NIOCore
import Testing

@testable import ConsiliumServer

@Suite("Streaming multipart reader")
struct MultipartStreamTests {
    static let boundary = "XyZ123"

    func body(_ file: [UInt8]) -> [UInt8] {
        Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n".utf8)
            + Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.bin\"\r\n\r\n".utf8) + file
            + Array("\r\n--\(Self.boundary)--\r\n".utf8)
    }

    /// Feeds `bytes` in pieces of `size` and returns the parts' bodies, joined.
    func parse(_ bytes: [UInt8], pieces size: Int) throws -> (names: [String], bodies: [[UInt8]], complete: Bool) {
        var stream = MultipartStream(boundary: Self.boundary)
        var names: [String] = []
        var bodies: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            let piece = ByteBuffer(bytes: bytes[index..<min(index + size, bytes.count)])
            index += size
            for event in try stream.feed(piece) {
                switch event {
                case .headers(let headers):
                    names.append(headers.first { $0.0 == "Content-Disposition" }?.1 ?? "")
                    bodies.append([])
                case .body(let buffer): bodies[bodies.count - 1] += Array(buffer.readableBytesView)
                case .partComplete: break
                }
            }
        }
        return (names, bodies, stream.isComplete)
    }

    @Test("binary content full of CRs, LFs and near-delimiters survives any split into pieces", arguments: [1, 2, 7, 64, 4096])
    func anySplit(_ size: Int) throws {
        var file: [UInt8] = []
        for index in 0..<5000 { file.append(UInt8(truncatingIfNeeded: index * 31)) }
        file += Array("\r\n--XyZ12\r\n-\r\r\n--XyZ1".utf8) + [0x0D, 0x0A, 0x0D]
        let (names, bodies, complete) = try parse(body(file), pieces: size)
        #expect(names.count == 2)
        #expect(bodies[0] == Array("token".utf8))
        #expect(bodies[1] == file)
        #expect(complete)
    }

    @Test("a body cut off before the closing delimiter is not complete")
    func truncated() throws {
        let whole = body([1, 2, 3])
        #expect(try !parse(Array(whole.dropLast(10)), pieces: 100).complete)
    }

    @Test("endless part headers are refused")
    func endlessHeaders() {
        var stream = MultipartStream(boundary: Self.boundary)
        let start = Array("--\(Self.boundary)\r\nX-Long: ".utf8) + [UInt8](repeating: 0x41, count: 20_000)
        #expect(throws: MultipartStream.Malformed.self) { _ = try stream.feed(ByteBuffer(bytes: start)) }
    }
}
