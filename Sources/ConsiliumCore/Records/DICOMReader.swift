/// Reads the few attributes the service shows and checks from a DICOM file's first bytes:
/// study date, modality, study description, patient name and birth date. Handles the file
/// meta header, implicit and explicit VR little endian, explicit VR big endian, files without
/// the 128-byte preamble, and nested sequences of defined or undefined length. Stops at the
/// pixel data; never decodes images.
public enum DICOMReader {
    /// What the reader found; absent attributes are nil.
    public struct Metadata: Equatable, Sendable {
        public var transferSyntax: String?
        public var studyDate: String?
        public var modality: String?
        public var studyDescription: String?
        public var patientName: String?
        public var patientBirthDate: String?
    }

    /// The file is not DICOM as far as the reader can tell, or ends in the middle of an element.
    public struct Malformed: Error, Equatable, Sendable {}

    private struct Tag: Hashable {
        let group: UInt16
        let element: UInt16
    }

    private static let studyDate = Tag(group: 0x0008, element: 0x0020)
    private static let modality = Tag(group: 0x0008, element: 0x0060)
    private static let studyDescription = Tag(group: 0x0008, element: 0x1030)
    private static let patientName = Tag(group: 0x0010, element: 0x0010)
    private static let patientBirthDate = Tag(group: 0x0010, element: 0x0030)
    private static let transferSyntax = Tag(group: 0x0002, element: 0x0010)
    private static let pixelData = Tag(group: 0x7FE0, element: 0x0010)

    /// VRs whose length is a 4-byte field after two reserved bytes, in explicit VR.
    private static let longVRs: Set<String> = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UR", "UT", "UN", "SV", "UV"]

    private enum Encoding {
        case implicitLittle, explicitLittle, explicitBig
    }

    /// Reads `bytes` (the whole file, or enough of its beginning).
    public static func read(_ bytes: [UInt8]) throws(Malformed) -> Metadata {
        var metadata = Metadata()
        var cursor = Cursor(bytes: bytes)
        var encoding: Encoding
        if bytes.count >= 132, Array(bytes[128..<132]) == Array("DICM".utf8) {
            cursor.offset = 132
            // The file meta group is always explicit VR little endian.
            let syntax = try readMeta(&cursor)
            metadata.transferSyntax = syntax
            switch syntax {
            case "1.2.840.10008.1.2": encoding = .implicitLittle
            case "1.2.840.10008.1.2.2": encoding = .explicitBig
            case "1.2.840.10008.1.2.1.99": return metadata  // deflated: the dataset is compressed
            default: encoding = .explicitLittle
            }
            // Some writers declare explicit VR but write implicit VR; look at the first element, as pydicom does.
            if encoding == .explicitLittle, !cursor.hasVR(at: cursor.offset + 4) { encoding = .implicitLittle }
        } else {
            guard let guessed = guessEncoding(bytes) else { throw Malformed() }
            encoding = guessed
        }
        do {
            try readDataset(&cursor, encoding: encoding, into: &metadata, until: nil)
        } catch {
            // A file read only in part (or cut short) still yields what came before the cut.
            if cursor.offset <= 132 { throw error }
        }
        return metadata
    }

    /// Whether `bytes` start like a DICOM dataset written without preamble and meta header.
    public static func looksLikeBareDataset(_ bytes: [UInt8]) -> Bool {
        guard let encoding = guessEncoding(bytes) else { return false }
        var cursor = Cursor(bytes: Array(bytes.prefix(4096)))
        var metadata = Metadata()
        // Three well-formed elements in a row is convincing; running out of bytes is fine.
        do {
            for _ in 0..<3 {
                guard cursor.remaining > 0 else { break }
                _ = try readElement(&cursor, encoding: encoding, into: &metadata)
            }
            return true
        } catch {
            return cursor.remaining == 0 && cursor.offset > 8
        }
    }

    private static func guessEncoding(_ bytes: [UInt8]) -> Encoding? {
        guard bytes.count >= 8 else { return nil }
        let groupLittle = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
        let groupBig = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        let vrLooksValid = bytes[4] >= 0x41 && bytes[4] <= 0x5A && bytes[5] >= 0x41 && bytes[5] <= 0x5A
        if groupLittle == 0x0008 { return vrLooksValid ? .explicitLittle : .implicitLittle }
        if groupBig == 0x0008, vrLooksValid { return .explicitBig }
        return nil
    }

    private static func readMeta(_ cursor: inout Cursor) throws(Malformed) -> String? {
        var syntax: String?
        while cursor.remaining >= 8 {
            let start = cursor.offset
            let group = try cursor.u16(bigEndian: false)
            guard group == 0x0002 else {
                cursor.offset = start
                break
            }
            let element = try cursor.u16(bigEndian: false)
            let vr = try cursor.string(2)
            let length: Int
            if longVRs.contains(vr) {
                cursor.offset += 2
                length = Int(try cursor.u32(bigEndian: false))
            } else {
                length = Int(try cursor.u16(bigEndian: false))
            }
            let value = try cursor.take(length)
            if Tag(group: group, element: element) == transferSyntax { syntax = clean(value) }
        }
        return syntax
    }

    /// Reads elements until the end, the pixel data, or (inside an item) the item's end.
    private static func readDataset(
        _ cursor: inout Cursor, encoding: Encoding, into metadata: inout Metadata, until end: Int?
    ) throws(Malformed) {
        while cursor.remaining >= 8 {
            if let end, cursor.offset >= end { return }
            switch try readElement(&cursor, encoding: encoding, into: &metadata) {
            case .pixelData, .itemEnd: return
            case .element: continue
            }
        }
    }

    private enum Step {
        case element, pixelData, itemEnd
    }

    private static func readElement(_ cursor: inout Cursor, encoding: Encoding, into metadata: inout Metadata) throws(Malformed) -> Step {
        let big = encoding == .explicitBig
        let group = try cursor.u16(bigEndian: big)
        let element = try cursor.u16(bigEndian: big)
        let tag = Tag(group: group, element: element)
        if group == 0xFFFE {
            // Item and delimiter tags carry a 4-byte length and no VR, whatever the encoding.
            let length = try cursor.u32(bigEndian: big)
            if element == 0xE00D || element == 0xE0DD { return .itemEnd }
            if element == 0xE000 {
                if length == 0xFFFF_FFFF {
                    try readDataset(&cursor, encoding: encoding, into: &metadata, until: nil)
                } else {
                    cursor.offset += Int(length)
                }
            }
            return .element
        }
        if tag == pixelData { return .pixelData }
        var vr = ""
        let length: UInt32
        if encoding == .implicitLittle {
            length = try cursor.u32(bigEndian: false)
        } else {
            vr = try cursor.string(2)
            if longVRs.contains(vr) {
                cursor.offset += 2
                length = try cursor.u32(bigEndian: big)
            } else {
                length = UInt32(try cursor.u16(bigEndian: big))
            }
        }
        if length == 0xFFFF_FFFF {
            // A sequence (or unknown element) of undefined length: its items, up to the sequence delimiter.
            try skipUndefinedSequence(&cursor, encoding: vr == "UN" ? .implicitLittle : encoding)
            return .element
        }
        let value = try cursor.take(Int(length))
        if vr == "SQ" || (encoding == .implicitLittle && group != 0x0008 && group != 0x0010) { return .element }
        switch tag {
        case studyDate: metadata.studyDate = clean(value)
        case modality: metadata.modality = clean(value)
        case studyDescription: metadata.studyDescription = clean(value)
        case patientName: metadata.patientName = clean(value)
        case patientBirthDate: metadata.patientBirthDate = clean(value)
        default: break
        }
        return .element
    }

    private static func skipUndefinedSequence(_ cursor: inout Cursor, encoding: Encoding) throws(Malformed) {
        var ignored = Metadata()
        let big = encoding == .explicitBig
        while cursor.remaining >= 8 {
            let group = try cursor.u16(bigEndian: big)
            let element = try cursor.u16(bigEndian: big)
            let length = try cursor.u32(bigEndian: big)
            guard group == 0xFFFE else { throw Malformed() }
            if element == 0xE0DD { return }
            if element == 0xE000 {
                if length == 0xFFFF_FFFF {
                    try readDataset(&cursor, encoding: encoding, into: &ignored, until: nil)
                } else {
                    cursor.offset += Int(length)
                }
            }
        }
    }

    /// Text values are padded with spaces or NULs; empty means absent.
    private static func clean(_ value: ArraySlice<UInt8>) -> String? {
        var bytes = Array(value)
        while let last = bytes.last, last == 0x20 || last == 0x00 { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 { bytes.removeFirst() }
        guard !bytes.isEmpty else { return nil }
        return String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// A bounds-checked reader over the bytes.
    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func take(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
            guard count >= 0, count <= remaining else { throw Malformed() }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func u16(bigEndian: Bool) throws(Malformed) -> UInt16 {
            let b = try take(2)
            let (x, y) = (UInt16(b[b.startIndex]), UInt16(b[b.startIndex + 1]))
            return bigEndian ? x << 8 | y : y << 8 | x
        }

        mutating func u32(bigEndian: Bool) throws(Malformed) -> UInt32 {
            let b = try take(4).map(UInt32.init)
            return bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
        }

        /// Whether two upper-case letters (a VR) stand at `index`.
        func hasVR(at index: Int) -> Bool {
            guard index + 1 < bytes.count else { return true }
            return (0x41...0x5A).contains(bytes[index]) && (0x41...0x5A).contains(bytes[index + 1])
        }

        mutating func string(_ count: Int) throws(Malformed) -> String {
            String(decoding: try take(count), as: UTF8.self)
        }
    }
}
