/// The kinds of record the service accepts, decided from a file's first bytes, never from its
/// name or the type the browser declared.
public enum FileKind: String, Codable, CaseIterable, Sendable {
    case pdf, jpeg, png, dicom, zip

    /// Why a file was refused.
    public enum Refusal: Error, Equatable, Sendable {
        case empty
        /// Not one of the accepted kinds.
        case unrecognised
        /// A DICOM file whose 128-byte preamble holds a program (a known way to smuggle malware in imaging).
        case executablePreamble
    }

    /// How many leading bytes `detect` needs to decide.
    public static let sniffLength = 1024

    /// The kind of a file from its first bytes (`sniffLength` of them, or all if shorter).
    public static func detect(_ prefix: [UInt8]) throws(Refusal) -> FileKind {
        guard !prefix.isEmpty else { throw .empty }
        if prefix.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if prefix.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if prefix.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if prefix.count >= 132, Array(prefix[128..<132]) == Array("DICM".utf8) {
            if Self.looksExecutable(Array(prefix[0..<128])) { throw .executablePreamble }
            return .dicom
        }
        if DICOMReader.looksLikeBareDataset(prefix) { return .dicom }
        throw .unrecognised
    }

    /// Windows (MZ), ELF, Mach-O and script headers.
    static func looksExecutable(_ preamble: [UInt8]) -> Bool {
        let signatures: [[UInt8]] = [
            [0x4D, 0x5A], [0x7F, 0x45, 0x4C, 0x46], [0xCF, 0xFA, 0xED, 0xFE], [0xCE, 0xFA, 0xED, 0xFE], [0xFE, 0xED, 0xFA, 0xCE],
            [0xFE, 0xED, 0xFA, 0xCF], [0xCA, 0xFE, 0xBA, 0xBE], [0x23, 0x21],
        ]
        return signatures.contains { preamble.starts(with: $0) }
    }

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .dicom: "application/dicom"
        case .zip: "application/zip"
        }
    }
}

extension FileKind {
    /// Whether a browser may show the file itself (sandboxed) rather than only download it.
    public var isViewableInBrowser: Bool { self == .pdf || self == .png || self == .jpeg }

    /// The kind in words, for a timeline ("PDF document"): the message `file-kind-<kind>`.
    public var message: Message { Message("file-kind-" + rawValue) }
}
