import CZlib
import ConsiliumCore

/// Checks a ZIP archive as it streams past, entry by entry, without storing it anywhere in the
/// clear: every file inside must itself be DICOM (folders and macOS's `__MACOSX/` and
/// `.DS_Store` bookkeeping are skipped). Stored and deflated entries are read; deflated ones are
/// inflated only as far as needed to find where they end.
struct ZipInspector {
    /// Why an archive was refused.
    enum Refusal: Error, Equatable {
        case entryNotDICOM(String)
        case unsupported(Unsupported)
        case malformed
        case empty
    }

    /// What an archive uses that we cannot check.
    enum Unsupported: Equatable {
        case encryption
        case storedWithoutSizes
        case compressionMethod(Int)
    }

    private enum State {
        case header
        case storedData(name: String, remaining: Int64, sniff: [UInt8])
        case deflatedData(name: String, sniff: [UInt8], descriptor: Bool)
        case descriptor
        case done
    }

    private var state = State.header
    private var buffer: [UInt8] = []
    private var inflater: Inflater?
    private(set) var entries = 0

    /// Feeds the next bytes of the archive.
    mutating func feed(_ bytes: [UInt8]) throws(Refusal) {
        buffer += bytes
        try advance()
    }

    /// Call at the end of the archive.
    mutating func finish() throws(Refusal) {
        try advance()
        guard case .done = state else { throw .malformed }
        guard entries > 0 else { throw .empty }
    }

    private mutating func advance() throws(Refusal) {
        while true {
            switch state {
            case .done:
                buffer.removeAll()
                return
            case .header:
                guard buffer.count >= 4 else { return }
                let signature = u32(0)
                if signature == 0x0201_4B50 || signature == 0x0605_4B50 {
                    state = .done
                    continue
                }
                guard signature == 0x0403_4B50 else { throw .malformed }
                guard buffer.count >= 30 else { return }
                let flags = u16(6)
                let method = u16(8)
                let compressed = Int64(u32(18))
                let nameLength = Int(u16(26))
                let extraLength = Int(u16(28))
                guard buffer.count >= 30 + nameLength + extraLength else { return }
                let name = String(decoding: buffer[30..<(30 + nameLength)], as: UTF8.self)
                buffer.removeFirst(30 + nameLength + extraLength)
                if flags & 0x1 != 0 { throw .unsupported(.encryption) }
                let descriptor = flags & 0x8 != 0
                switch method {
                case 0:
                    if descriptor { throw .unsupported(.storedWithoutSizes) }
                    state = .storedData(name: name, remaining: compressed, sniff: [])
                case 8:
                    inflater = try Inflater()
                    state = .deflatedData(name: name, sniff: [], descriptor: descriptor)
                default:
                    throw .unsupported(.compressionMethod(Int(method)))
                }
            case .storedData(let name, let remaining, var sniff):
                if remaining == 0 {
                    try check(name, sniff)
                    state = .header
                    continue
                }
                guard !buffer.isEmpty else { return }
                let take = Int(min(Int64(buffer.count), remaining))
                if sniff.count < FileKind.sniffLength { sniff += buffer.prefix(min(take, FileKind.sniffLength - sniff.count)) }
                buffer.removeFirst(take)
                state = .storedData(name: name, remaining: remaining - Int64(take), sniff: sniff)
            case .deflatedData(let name, var sniff, let descriptor):
                guard !buffer.isEmpty, var inflater else { return }
                let (output, consumed, ended) = try inflater.inflate(buffer)
                self.inflater = inflater
                if sniff.count < FileKind.sniffLength { sniff += output.prefix(FileKind.sniffLength - sniff.count) }
                buffer.removeFirst(consumed)
                if ended {
                    self.inflater = nil
                    try check(name, sniff)
                    state = descriptor ? .descriptor : .header
                } else {
                    state = .deflatedData(name: name, sniff: sniff, descriptor: descriptor)
                    if consumed == 0 && output.isEmpty { return }
                }
            case .descriptor:
                // Optional signature, then CRC and two sizes (32-bit; ZIP64 archives are refused above by size fields).
                guard buffer.count >= 16 else { return }
                buffer.removeFirst(u32(0) == 0x0807_4B50 ? 16 : 12)
                state = .header
            }
        }
    }

    private mutating func check(_ name: String, _ sniff: [UInt8]) throws(Refusal) {
        if name.hasSuffix("/") || name.hasPrefix("__MACOSX/") || name.split(separator: "/").last == ".DS_Store" { return }
        guard (try? FileKind.detect(sniff)) == .dicom else { throw .entryNotDICOM(name) }
        entries += 1
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(buffer[at]) | UInt16(buffer[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
}

/// A raw-deflate stream decoder over zlib.
private struct Inflater {
    private final class Stream {
        var z = z_stream()
        deinit { inflateEnd(&z) }
    }

    private let stream = Stream()

    init() throws(ZipInspector.Refusal) {
        // Negative window bits: raw deflate, as ZIP stores it.
        guard inflateInit2_(&stream.z, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .malformed }
    }

    /// Inflates what it can of `input`; returns some output, how much input it used, and whether the stream ended.
    mutating func inflate(_ input: [UInt8]) throws(ZipInspector.Refusal) -> ([UInt8], Int, Bool) {
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        let (status, consumed, produced) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.z.next_in = inBuffer.baseAddress
                stream.z.avail_in = UInt32(inBuffer.count)
                stream.z.next_out = outBuffer.baseAddress
                stream.z.avail_out = UInt32(outBuffer.count)
                let status = CZlib.inflate(&stream.z, Z_NO_FLUSH)
                return (status, inBuffer.count - Int(stream.z.avail_in), outBuffer.count - Int(stream.z.avail_out))
            }
        }
        guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && consumed == 0) else { throw .malformed }
        return (Array(output.prefix(produced)), consumed, status == Z_STREAM_END)
    }
}
