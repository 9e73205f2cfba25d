import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import SQLKit

/// A case's medical records: the list, uploads, downloads and removal. The case is always
/// loaded through `CaseQueries`, and each record through its case, so nobody reaches a record
/// of a case they may not see.
struct RecordsController: Sendable {
    let database: DatabaseService
    let queries: CaseQueries
    let store: any DocumentStore
    let service: RecordService
    let audit: AuditLog
    let maxFileBytes: Int64
    let maxCaseBytes: Int64
    let maxImagePixels: Int
    let renderer: PageRenderer

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        // The list itself shows health information (file names, study descriptions): its reading is recorded too.
        try await audit.record(
            .recordViewed,
            by: context.auditActor,
            on: try .case(caseModel), detail: "list",
            in: database.db)
        return try await page(caseModel, context: context, error: nil)
    }

    func upload(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        let identity = context.identity
        try await queries.require(.sendRecords, context, caseModel, audit: audit)
        guard let boundary = Self.boundary(request.headers[.contentType]) else {
            throw Refusal(.badRequest, "refused-not-multipart")
        }
        let caseID = try caseModel.requireCaseID()
        let used = try await RecordService.spaceUsed(by: caseID, on: database.db)
        let receiver = UploadReceiver(
            store: store, maxFileBytes: maxFileBytes, caseAllowance: max(0, maxCaseBytes - used), expectedCSRFToken: context.csrfToken,
            caseID: caseID, maxImagePixels: maxImagePixels)
        let actor = context.auditActor
        let received: UploadReceiver.Result
        do {
            received = try await receiver.receive(request.body, boundary: boundary)
        } catch let refusal as UploadReceiver.Refusal {
            try await audit.record(
                .recordRefused, by: actor, on: .init(type: "Case", id: caseID.rawValue.uuidString, patientID: caseModel.patient.patientID),
                outcome: .denied,
                detail: Self.code(refusal), in: database.db)
            let (status, message) = Self.explain(refusal, wording: renderer.wording(context))
            return try await page(caseModel, context: context, error: message, status: status)
        }
        do {
            try await service.file(
                received, in: caseModel, by: .init(identity: identity, actor: context.relation.caseActor, audit: actor),
                maxCaseBytes: maxCaseBytes)
        } catch {
            guard let refusal = error as? UploadReceiver.Refusal else { throw error }
            try await audit.record(
                .recordRefused, by: actor, on: .init(type: "Case", id: caseID.rawValue.uuidString, patientID: caseModel.patient.patientID),
                outcome: .denied, detail: Self.code(refusal), in: database.db)
            let (status, message) = Self.explain(refusal, wording: renderer.wording(context))
            return try await page(caseModel, context: context, error: message, status: status)
        }
        let count = received.files.count
        let notice = renderer.wording(context)("upload-received", ["count": .number(count)])
        context.session.update { $0.notice = notice }
        return .redirect(to: "/cases/\(caseID.rawValue.uuidString.lowercased())/records", type: .normal)
    }

    /// PDF and images shown in the browser, sandboxed; other kinds are only downloaded.
    func view(_ request: Request, context: SignedInContext) async throws -> Response {
        try await serve(request, context: context, inline: true)
    }

    func download(_ request: Request, context: SignedInContext) async throws -> Response {
        try await serve(request, context: context, inline: false)
    }

    private func serve(_ request: Request, context: SignedInContext, inline: Bool) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        let record = try await queries.requestedRecord(in: caseModel, context, audit: audit)
        let recordID = try record.requireID()
        let kind = FileKind(rawValue: record.kind) ?? .pdf
        if inline && !kind.isViewableInBrowser { throw HTTPError(.notFound) }
        let contents: DocumentContents
        do {
            contents = try await store.read(record.storageKey, expectedSHA256: record.sha256, binding: record.binding)
        } catch let failure as DocumentIntegrityFailure {
            // The stored file is not this record's, or its start was altered: nothing is sent.
            try await audit.record(
                inline ? .recordViewed : .recordDownloaded, by: context.auditActor,
                on: .init(type: "DocumentReference", id: recordID.uuidString, patientID: caseModel.patient.patientID), outcome: .failure,
                detail: "integrity_check_failed", in: database.db)
            throw failure
        }
        try await audit.record(
            inline ? .recordViewed : .recordDownloaded,
            by: context.auditActor,
            on: .init(type: "DocumentReference", id: recordID.uuidString, patientID: caseModel.patient.patientID), in: database.db)
        var headers = HTTPFields()
        headers[.contentType] = kind.mediaType
        headers[.contentDisposition] =
            inline
            ? Self.attachment(record.fileName).replacingOccurrences(of: "attachment;", with: "inline;") : Self.attachment(record.fileName)
        headers[.contentLength] = String(contents.size)
        // Never rendered as a page of ours: a sandbox with no script; a PDF viewer may still draw it.
        headers[.contentSecurityPolicy] =
            inline ? "sandbox; default-src 'none'; img-src 'self'; object-src 'self'" : "sandbox; default-src 'none'"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: contents.chunks))
    }

    func remove(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        let identity = context.identity
        let record = try await queries.requestedRecord(in: caseModel, context, audit: audit)
        let recordID = try record.requireID()
        try await queries.require(.removeRecord, context, caseModel, record: record, audit: audit)
        try await database.db.transaction { tx in
            record.status = RecordStatus.enteredInError
            record.$removedBy.id = identity.id.rawValue
            record.removedAt = Date()
            try await record.update(on: tx)
            try await audit.record(
                .recordEnteredInError,
                by: context.auditActor,
                on: .init(type: "DocumentReference", id: recordID.uuidString, patientID: caseModel.patient.patientID), in: tx)
        }
        context.session.update { $0.notice = "\u{201c}\(record.fileName)\u{201d} has been removed from the case." }
        return .redirect(to: "/cases/\(try caseModel.requireID().uuidString.lowercased())/records", type: .normal)
    }

    // MARK: helpers

    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for piece in contentType.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// `attachment` with an ASCII fallback and the exact name in RFC 5987 form.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "record"
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    static func explain(_ refusal: UploadReceiver.Refusal, wording: Wording) -> (HTTPResponse.Status, String) {
        switch refusal {
        case .notAccepted(let file, let reason):
            (.unsupportedMediaType, wording("upload-refused-kind", ["file": .text(file), "reason": .text(wording(reason))]))
        case .tooLarge(let file, let limit):
            (
                .contentTooLarge,
                wording("upload-refused-too-large", ["file": .text(file), "limit": .text(ByteSize.words(limit, in: wording.language))])
            )
        case .caseFull(let limit):
            (.contentTooLarge, wording("upload-refused-case-full", ["limit": .text(ByteSize.words(limit, in: wording.language))]))
        case .noFiles: (.badRequest, wording("upload-refused-no-files"))
        case .malformed: (.badRequest, wording("upload-refused-malformed"))
        }
    }

    static func code(_ refusal: UploadReceiver.Refusal) -> String {
        switch refusal {
        case .notAccepted: "type"
        case .tooLarge: "file_too_large"
        case .caseFull: "case_full"
        case .noFiles: "no_files"
        case .malformed: "malformed"
        }
    }

    private func page(
        _ caseModel: CaseModel, context: SignedInContext, error: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let records = try await database.withParents(
            database.rows(RecordModel.self, ofCase: caseModel.requireID(), orderedBy: "created_at", descending: true), \.$uploadedBy)
        let content = RecordsPage(
            caseModel: caseModel, records: records, viewer: context.identity, relation: context.relation,
            canSend: CaseAccess.allows(.sendRecords, context, caseModel), error: error, maxFileBytes: maxFileBytes,
            wording: renderer.wording(context))
        return try renderer.render(
            "records/list", title: renderer.text("case-records-link", in: context.language), content: content, context: context,
            status: status)
    }
}
