import Foundation
import NIOCore

/// A streaming `multipart/form-data` reader that hands on file bytes in large runs. (multipart-
/// kit's parser stops at every carriage return, which in binary data means every 256 bytes or
/// so; that made uploads four times slower than the disk.) It finds each delimiter with a
/// Boyer–Moore–Horspool search, which skips most bytes; caps part headers; and reports a body
/// that ends before the closing delimiter.
struct MultipartStream {
    /// What the reader found in the bytes fed so far.
    enum Event {
        case headers([(String, String)])
        case body(ByteBuffer)
        case partComplete
    }

    /// The body is not well-formed multipart.
    struct Malformed: Error {}

    private enum State {
        case preamble, headers, body, afterDelimiter, epilogue
    }

    static let maxHeaderBytes = 16 * 1024

    private let delimiter: [UInt8]
    /// Horspool's shift table for the delimiter.
    private let shifts: [Int]
    private var state = State.preamble
    private var pending = ByteBuffer()

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        var table = [Int](repeating: delimiter.count, count: 256)
        for index in 0..<(delimiter.count - 1) { table[Int(delimiter[index])] = delimiter.count - 1 - index }
        shifts = table
        // The first delimiter may come without its leading CRLF.
        pending.writeBytes([0x0D, 0x0A])
    }

    var isComplete: Bool { if case .epilogue = state { true } else { false } }

    mutating func feed(_ bytes: ByteBuffer) throws(Malformed) -> [Event] {
        var incoming = bytes
        pending.writeBuffer(&incoming)
        var events: [Event] = []
        while pending.readableBytes > 0 {
            switch state {
            case .preamble:
                guard let at = find(delimiter) else {
                    // Keep only what could still start a delimiter.
                    pending.moveReaderIndex(forwardBy: max(0, pending.readableBytes - delimiter.count + 1))
                    pending.discardReadBytes()
                    return events
                }
                pending.moveReaderIndex(forwardBy: at + delimiter.count)
                state = .afterDelimiter
            case .afterDelimiter:
                guard pending.readableBytes >= 2 else { return events }
                let next = pending.readBytes(length: 2) ?? []
                if next == [0x2D, 0x2D] {
                    state = .epilogue
                } else if next == [0x0D, 0x0A] {
                    state = .headers
                } else {
                    throw Malformed()
                }
            case .headers:
                guard let end = find([0x0D, 0x0A, 0x0D, 0x0A]) else {
                    if pending.readableBytes > Self.maxHeaderBytes { throw Malformed() }
                    return events
                }
                guard end <= Self.maxHeaderBytes, let block = pending.readString(length: end) else { throw Malformed() }
                pending.moveReaderIndex(forwardBy: 4)
                events.append(.headers(Self.parseHeaders(block)))
                state = .body
            case .body:
                if let at = find(delimiter) {
                    if at > 0, let slice = pending.readSlice(length: at) { events.append(.body(slice)) }
                    pending.moveReaderIndex(forwardBy: delimiter.count)
                    events.append(.partComplete)
                    state = .afterDelimiter
                } else {
                    let safe = pending.readableBytes - (delimiter.count - 1)
                    if safe > 0, let slice = pending.readSlice(length: safe) { events.append(.body(slice)) }
                    pending.discardReadBytes()
                    return events
                }
            case .epilogue:
                pending.clear()
                return events
            }
        }
        pending.discardReadBytes()
        return events
    }

    /// Where `needle` first starts in the unread bytes.
    private func find(_ needle: [UInt8]) -> Int? {
        pending.withUnsafeReadableBytes { haystack -> Int? in
            let count = needle.count
            guard haystack.count >= count else { return nil }
            if needle == delimiter {
                // Horspool: compare from the end, then skip by the table's shift for the last byte.
                var start = 0
                while start <= haystack.count - count {
                    var index = count - 1
                    while index >= 0 && haystack[start + index] == needle[index] { index -= 1 }
                    if index < 0 { return start }
                    start += shifts[Int(haystack[start + count - 1])]
                }
                return nil
            }
            var start = 0
            while start <= haystack.count - count {
                if haystack[start] == needle[0] && (1..<count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return start }
                start += 1
            }
            return nil
        }
    }

    static func parseHeaders(_ block: String) -> [(String, String)] {
        block.components(separatedBy: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
    }
}
