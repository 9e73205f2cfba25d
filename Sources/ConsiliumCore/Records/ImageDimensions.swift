/// Reads an image's declared width and height from its header as the bytes stream in, so an
/// image that would decompress to gigapixels is refused before it is stored. PNG declares them
/// in its first chunk (IHDR); a JPEG in its start-of-frame segment, after any number of other
/// segments (EXIF and the like), which are skipped by their lengths without being kept.
public struct ImageDimensions: Sendable {
    public struct Size: Sendable, Equatable {
        public let width: Int
        public let height: Int
        public var pixels: Int { width * height }
    }

    /// The header is not one a well-formed image has.
    public struct Malformed: Error, Equatable {}

    private enum Format { case png, jpeg }
    private let format: Format
    private var buffer: [UInt8] = []
    /// JPEG: bytes of the current segment still to skip.
    private var skip = 0
    /// JPEG: the start-of-image marker has been read.
    private var sawStart = false
    /// How many bytes have been looked at; a header that never names a size is refused past `limit`.
    private var seen = 0
    static let limit = 1 << 20
    public private(set) var size: Size?

    /// For a PNG or a JPEG; nil for any other kind.
    public init?(kind: FileKind) {
        switch kind {
        case .png: format = .png
        case .jpeg: format = .jpeg
        default: return nil
        }
    }

    /// Feeds the next bytes; `size` is set once the header has declared it.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) throws(Malformed) where Bytes.Element == UInt8 {
        guard size == nil else { return }
        seen += bytes.count
        var incoming = bytes[...]
        if skip > 0 {
            let dropped = min(skip, incoming.count)
            skip -= dropped
            incoming = incoming.dropFirst(dropped)
        }
        buffer += incoming
        switch format {
        case .png: try readPNG()
        case .jpeg: try readJPEG()
        }
        if size == nil, seen > Self.limit { throw Malformed() }
    }

    private mutating func readPNG() throws(Malformed) {
        // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)
        guard buffer.count >= 24 else { return }
        guard Array(buffer[12..<16]) == Array("IHDR".utf8) else { throw Malformed() }
        let width = Self.bigEndian(buffer[16..<20])
        let height = Self.bigEndian(buffer[20..<24])
        guard width > 0, height > 0 else { throw Malformed() }
        size = Size(width: width, height: height)
        buffer = []
    }

    private mutating func readJPEG() throws(Malformed) {
        // SOI, then segments: FF, marker, length (2, including itself), payload
        var at = 0
        if !sawStart {
            guard buffer.count >= 2 else { return }
            guard buffer[0] == 0xFF, buffer[1] == 0xD8 else { throw Malformed() }
            sawStart = true
            at = 2
        }
        while true {
            // fill bytes (FF) may pad between segments
            while at + 1 < buffer.count, buffer[at] == 0xFF, buffer[at + 1] == 0xFF { at += 1 }
            guard buffer.count >= at + 4 else { break }
            guard buffer[at] == 0xFF else { throw Malformed() }
            let marker = buffer[at + 1]
            let length = Int(buffer[at + 2]) << 8 | Int(buffer[at + 3])
            guard length >= 2 else { throw Malformed() }
            // start of frame: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard buffer.count >= at + 9 else { break }
                let height = Int(buffer[at + 5]) << 8 | Int(buffer[at + 6])
                let width = Int(buffer[at + 7]) << 8 | Int(buffer[at + 8])
                // a height of 0 is defined later by a DNL marker; nothing honest needs it
                guard width > 0, height > 0 else { throw Malformed() }
                size = Size(width: width, height: height)
                buffer = []
                return
            }
            // the image data begins, or the file ends, before any frame was declared
            if marker == 0xDA || marker == 0xD9 { throw Malformed() }
            let end = at + 2 + length
            if end > buffer.count {
                skip = end - buffer.count
                buffer = []
                return
            }
            at = end
        }
        buffer = Array(buffer[at...])
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
