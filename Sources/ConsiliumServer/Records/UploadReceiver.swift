import ConsiliumCore
import Foundation
import Hummingbird
import NIOCore

/// Reads a multipart upload as it arrives and stores each file encrypted, never holding a
/// whole file in memory: the CSRF token must come first; each file's type is decided from its
/// first bytes; sizes are counted against the per-file and per-case limits as bytes arrive.
/// Any failure throws away every file of the request.
struct UploadReceiver {
    let store: any DocumentStore
    let maxFileBytes: Int64
    /// What the case may still take, across all files of this request.
    let caseAllowance: Int64
    let expectedCSRFToken: String
    /// The case the files are for: each file is bound to it and to its record's id.
    let caseID: CaseID
    /// The most pixels a PNG or JPEG may declare (what it would take to decode it).
    let maxImagePixels: Int

    /// A file that arrived whole and is stored.
    struct Received: Sendable {
        /// The id the record must be created with: the stored file is bound to it.
        let recordID: RecordID
        let fileName: String
        let kind: FileKind
        let stored: StoredDocument
        let dicom: DICOMReader.Metadata?
        let entryCount: Int
    }

    /// What the form sent besides files.
    struct Result: Sendable {
        var files: [Received] = []
        var category = ""
        var description = ""
    }

    /// Why an upload was refused; the message names the file and what was wrong.
    enum Refusal: Error, Equatable {
        case notAccepted(file: String, reason: Message)
        case tooLarge(file: String, limit: Int64)
        case caseFull(limit: Int64)
        case malformed
        case noFiles
    }

    static let dicomHeadLength = 512 * 1024
    static let maxFieldBytes = 4096

    /// The part now being read.
    private struct Part {
        var name = ""
        var fileName: String?
        var field: [UInt8] = []
        var sniff: [UInt8] = []
        var kind: FileKind?
        var writer: (any DocumentWriter)?
        var size: Int64 = 0
        var dicomHead: [UInt8] = []
        var zip: ZipInspector?
        var image: ImageDimensions?
        let recordID = RecordID(rawValue: UUID())
    }

    func receive(_ body: RequestBody, boundary: String) async throws -> Result {
        guard !boundary.isEmpty, boundary.count <= 200 else { throw Refusal.malformed }
        var parser = MultipartStream(boundary: boundary)
        var result = Result()
        var part: Part?
        var partsSeen = 0
        var total: Int64 = 0
        // Structural: until the leading `_csrf` part has been read whole and matched, the only
        // part that may even begin is that one. Nothing is read into a field or written to the
        // store before then, whatever the parts carry or omit.
        var tokenVerified = false
        do {
            for try await chunk in body {
                let events: [MultipartStream.Event]
                do { events = try parser.feed(chunk) } catch { throw Refusal.malformed }
                for event in events {
                    switch event {
                    case .headers(let headers):
                        var started = Part()
                        partsSeen += 1
                        for (name, value) in headers where name.lowercased() == "content-disposition" {
                            Self.readDisposition(value, into: &started)
                        }
                        if !tokenVerified && (partsSeen > 1 || started.name != "_csrf" || started.fileName != nil) {
                            throw CSRFRejected(reason: "multipart without a leading token")
                        }
                        part = started
                    case .body(var buffer):
                        guard part != nil else { throw Refusal.malformed }
                        // In place, so that a writer opened here is known to the clean-up below if this throws.
                        try await consume(&buffer, into: &part!, total: &total)
                    case .partComplete:
                        guard part != nil else { throw Refusal.malformed }
                        if !tokenVerified {
                            guard SecureToken.constantTimeEquals(String(decoding: part!.field, as: UTF8.self), expectedCSRFToken) else {
                                throw CSRFRejected(reason: "multipart token mismatch")
                            }
                            tokenVerified = true
                        } else {
                            try await complete(&part!, into: &result)
                        }
                        part = nil
                    }
                }
            }
            guard tokenVerified else { throw CSRFRejected(reason: "multipart without a leading token") }
            guard parser.isComplete else { throw Refusal.malformed }
            // The body ended in the middle of a part, or before any.
            guard part == nil, partsSeen > 0 else { throw Refusal.malformed }
            guard !result.files.isEmpty else { throw Refusal.noFiles }
            return result
        } catch {
            await part?.writer?.abort()
            for file in result.files { try? await store.remove(file.stored.storageKey) }
            throw error
        }
    }

    private func consume(_ buffer: inout ByteBuffer, into part: inout Part, total: inout Int64) async throws {
        guard let fileName = part.fileName else {
            part.field += buffer.readableBytesView
            guard part.field.count <= Self.maxFieldBytes else { throw Refusal.malformed }
            return
        }
        let count = Int64(buffer.readableBytes)
        part.size += count
        total += count
        if part.size > maxFileBytes { throw Refusal.tooLarge(file: fileName, limit: maxFileBytes) }
        if total > caseAllowance { throw Refusal.caseFull(limit: caseAllowance) }
        if part.writer == nil {
            part.sniff += buffer.readableBytesView
            // Decide only once enough has arrived (or the part ends, in `complete`).
            if part.sniff.count >= FileKind.sniffLength { try await start(&part, fileName: fileName) }
            return
        }
        try await write(buffer, into: &part)
    }

    private func start(_ part: inout Part, fileName: String) async throws {
        let kind: FileKind
        do {
            kind = try FileKind.detect(Array(part.sniff.prefix(FileKind.sniffLength)))
        } catch .executablePreamble {
            throw Refusal.notAccepted(file: fileName, reason: Message("upload-reason-dicom-program"))
        } catch .empty {
            throw Refusal.notAccepted(file: fileName, reason: Message("upload-reason-empty"))
        } catch {
            throw Refusal.notAccepted(file: fileName, reason: Message("upload-reason-kind"))
        }
        part.kind = kind
        if kind == .zip { part.zip = ZipInspector() }
        part.image = ImageDimensions(kind: kind)
        part.writer = try await store.makeWriter(binding: RecordModel.binding(recordID: part.recordID, caseID: caseID))
        let head = ByteBuffer(bytes: part.sniff)
        part.sniff = []
        try await write(head, into: &part)
    }

    private func write(_ buffer: ByteBuffer, into part: inout Part) async throws {
        if part.kind == .dicom, part.dicomHead.count < Self.dicomHeadLength {
            part.dicomHead += buffer.readableBytesView.prefix(Self.dicomHeadLength - part.dicomHead.count)
        }
        if part.zip != nil {
            do { try part.zip!.feed(Array(buffer.readableBytesView)) } catch {
                throw Refusal.notAccepted(file: part.fileName ?? "", reason: Self.describe(error))
            }
        }
        if part.image != nil, part.image?.size == nil {
            do { try part.image!.feed(buffer.readableBytesView) } catch {
                throw Refusal.notAccepted(file: part.fileName ?? "", reason: Message("upload-reason-image-header"))
            }
            if let size = part.image?.size, size.pixels > maxImagePixels {
                throw Refusal.notAccepted(
                    file: part.fileName ?? "",
                    reason: Message(
                        "upload-reason-image-pixels",
                        ["width": .number(size.width), "height": .number(size.height), "millions": .number(maxImagePixels / 1_000_000)]))
            }
        }
        try await part.writer?.write(buffer)
    }

    /// A part after the token: a field kept, or a file finished and stored.
    private func complete(_ part: inout Part, into result: inout Result) async throws {
        guard let fileName = part.fileName else {
            let value = String(decoding: part.field, as: UTF8.self)
            switch part.name {
            case "category": result.category = value
            case "description": result.description = value
            default: break
            }
            return
        }
        // A browser sends an empty part when no file was chosen.
        if fileName.isEmpty && part.size == 0 { return }
        if part.writer == nil { try await start(&part, fileName: fileName) }
        if part.zip != nil {
            do { try part.zip!.finish() } catch { throw Refusal.notAccepted(file: fileName, reason: Self.describe(error)) }
        }
        if part.image != nil, part.image?.size == nil {
            throw Refusal.notAccepted(file: fileName, reason: Message("upload-reason-image-short"))
        }
        guard let writer = part.writer, let kind = part.kind else { throw Refusal.malformed }
        let stored = try await writer.finish()
        ServiceMetrics.uploadBytes.increment(by: stored.size)
        part.writer = nil
        let dicom = kind == .dicom ? try? DICOMReader.read(part.dicomHead) : nil
        result.files.append(
            Received(
                recordID: part.recordID, fileName: Self.safeName(fileName), kind: kind, stored: stored, dicom: dicom,
                entryCount: part.zip?.entries ?? 0))
    }

    private static func describe(_ error: any Error) -> Message {
        switch error as? ZipInspector.Refusal {
        case .entryNotDICOM(let name): Message("upload-reason-zip-entry", ["name": .text(safeName(name))])
        case .unsupported(.encryption): Message("upload-reason-zip-encrypted")
        case .unsupported(.storedWithoutSizes): Message("upload-reason-zip-sizes")
        case .unsupported(.compressionMethod(let method)): Message("upload-reason-zip-method", ["method": .number(method)])
        case .empty: Message("upload-reason-zip-empty")
        default: Message("upload-reason-zip-unreadable")
        }
    }

    /// `form-data; name="files"; filename="scan.dcm"`
    private static func readDisposition(_ value: String, into part: inout Part) {
        for piece in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            let unquoted =
                pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            switch pair[0].lowercased() {
            case "name": part.name = unquoted
            case "filename": part.fileName = unquoted
            default: break
            }
        }
    }

    /// A name for display and download: the last path component, printable, at most 200 characters.
    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(String.init).joined()
        let trimmed = String(printable.prefix(200)).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "record" : trimmed
    }
}
