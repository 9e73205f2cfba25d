import ConsiliumCore
import FluentKit
import Foundation

/// A medical record sent for a case (FHIR DocumentReference). Never deleted: removed records are
/// marked entered-in-error. Its bytes live encrypted in the document store under `storage_key`.
final class RecordModel: Model, @unchecked Sendable {
    static let schema = "records"

    /// Whether the record counts.
    /// The kinds of record a sender chooses from, by code; each is named in the catalogs as
    /// `record-category-<code>`.
    static let categories: [(String, String)] = ["imaging", "pathology", "laboratory", "clinical_notes", "other"].map { ($0, $0) }

    /// A category's name in `wording`'s language.
    static func categoryName(_ code: String, _ wording: Wording) -> String {
        categories.contains { $0.0 == code } ? wording("record-category-\(code)") : code
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel
    @Parent(key: "uploaded_by") var uploadedBy: UserModel
    @OptionalParent(key: "removed_by") var removedBy: UserModel?

    // data fields
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: String
    @Field(key: "category") var category: String
    @Field(key: "description") var recordDescription: String
    @Field(key: "size") var size: Int64
    @Field(key: "sha256") var sha256: String
    @Field(key: "storage_key") var storageKey: String
    @Field(key: "key_id") var keyID: String
    @Field(key: "status") var status: RecordStatus
    @OptionalField(key: "removed_at") var removedAt: Date?
    @Field(key: "study_date") var studyDate: String
    @Field(key: "modality") var modality: String
    @Field(key: "study_description") var studyDescription: String
    /// Comma-separated disagreements with the case's patient ("name", "birth_date"), empty when none.
    @Field(key: "patient_mismatch") var patientMismatch: String
    @Field(key: "entry_count") var entryCount: Int

    /// The id, typed.
    var recordID: RecordID? { id.map(RecordID.init(rawValue:)) }

    init() {}

    /// A new current record for a document already safely in the store, under the id its file
    /// was bound to when it was written (see `binding`).
    init(
        id: RecordID, caseID: CaseID, uploadedBy: UserID, fileName: String, kind: FileKind, category: String, description: String,
        stored: StoredDocument, dicom: DICOMReader.Metadata? = nil, patientMismatch: [DICOMPatientCheck.Mismatch] = [],
        entryCount: Int = 0
    ) {
        self.id = id.rawValue
        $caseModel.id = caseID.rawValue
        $uploadedBy.id = uploadedBy.rawValue
        self.fileName = fileName
        self.kind = kind.rawValue
        self.category = category
        recordDescription = description
        size = stored.size
        sha256 = stored.sha256
        storageKey = stored.storageKey
        keyID = stored.keyID
        status = .current
        studyDate = dicom?.studyDate ?? ""
        modality = dicom?.modality ?? ""
        studyDescription = dicom?.studyDescription ?? ""
        self.patientMismatch = patientMismatch.map(\.rawValue).joined(separator: ",")
        self.entryCount = entryCount
    }

    var isCurrent: Bool { status == .current }

    /// What a record's stored file is bound to: its own id and its case's. A file copied over
    /// another record's does not open as that record.
    static func binding(recordID: RecordID, caseID: CaseID) -> String {
        "record=\(recordID.rawValue.uuidString.lowercased());case=\(caseID.rawValue.uuidString.lowercased())"
    }

    /// This record's binding.
    var binding: String { Self.binding(recordID: RecordID(rawValue: id ?? UUID()), caseID: CaseID(rawValue: $caseModel.id)) }
}
