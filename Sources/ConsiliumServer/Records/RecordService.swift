import ConsiliumCore
import FluentKit
import Foundation

/// Files what an upload received as records of a case, in one transaction: the space left is
/// counted again under the case's lock, each record and its audit event are written, and a
/// case waiting for information goes back to the coordinators. If anything fails, the stored
/// files go too. Nothing here sees a request.
struct RecordService: Sendable {
    let database: DatabaseService
    let store: any DocumentStore
    let audit: AuditLog

    /// The bytes of the case's current records. Summed here: PostgreSQL's SUM of a bigint is a
    /// numeric, which Fluent cannot read back as Int64.
    static func spaceUsed(by caseID: CaseID, on db: any Database) async throws -> Int64 {
        try await RecordModel.query(on: db).filter(\.$caseModel.$id == caseID.rawValue).filter(\.$status == RecordStatus.current)
            .all(\.$size).reduce(0, +)
    }

    func file(_ received: UploadReceiver.Result, in caseModel: CaseModel, by mover: CaseWorkflow.Mover, maxCaseBytes: Int64) async throws {
        guard let identity = mover.identity else { throw UploadReceiver.Refusal.malformed }
        let caseID = try caseModel.requireCaseID()
        let category = RecordModel.categories.map(\.0).contains(received.category) ? received.category : "other"
        let description = String(received.description.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        let patientBirth = CalendarDate(iso: caseModel.patient.dateOfBirth)
        let actor = mover.audit
        do {
            try await database.db.transaction { tx in
                // The space left was read before the bytes came; another upload to the case may
                // have committed since. Counted again under the case's lock, before any row.
                try await CaseModel.lock(caseID, in: tx)
                let committed = try await Self.spaceUsed(by: caseID, on: tx)
                let arriving = received.files.reduce(Int64(0)) { $0 + $1.stored.size }
                if committed + arriving > maxCaseBytes { throw UploadReceiver.Refusal.caseFull(limit: max(0, maxCaseBytes - committed)) }
                for file in received.files {
                    let mismatches =
                        file.dicom.flatMap { metadata in
                            patientBirth.map {
                                DICOMPatientCheck.mismatches(
                                    metadata, firstName: caseModel.patient.firstName, lastName: caseModel.patient.lastName, birthDate: $0)
                            }
                        } ?? []
                    let record = RecordModel(
                        id: file.recordID, caseID: caseID, uploadedBy: identity.id, fileName: file.fileName, kind: file.kind,
                        category: file.kind == .dicom || file.kind == .zip ? (category == "other" ? "imaging" : category) : category,
                        description: description, stored: file.stored, dicom: file.dicom, patientMismatch: mismatches,
                        entryCount: file.entryCount)
                    try await record.create(on: tx)
                    try await audit.record(
                        .recordUploaded, by: actor,
                        on: .init(type: "DocumentReference", id: try record.requireID().uuidString, patientID: caseModel.patient.patientID),
                        detail: file.kind.rawValue, in: tx)
                }
                // Records asked for have come: the case goes back to the coordinators.
                if caseModel.state == .infoRequested {
                    try await CaseWorkflow(audit: audit).move(
                        caseModel, to: .inReview, by: mover, reason: TimelineReason.moreRecordsSent.rawValue, in: tx)
                }
            }
        } catch {
            // The rows did not commit: the files they would have named go too.
            for file in received.files { try? await store.remove(file.stored.storageKey) }
            throw error
        }
    }
}
