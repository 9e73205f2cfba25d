import ConsiliumCore
import Foundation

/// The records page: the list, the upload form, and any refusal.
struct RecordsPage: Sendable {
    /// One record in the list.
    struct Row: Sendable {
        let id: String
        let fileName: String
        let category: String
        let uploadedBy: String
        let uploadedAt: String
        let size: String
        let isDICOM: Bool
        let studyDate: String
        let hasStudyDate: Bool
        let modality: String
        let studyDescription: String
        let hasStudyDescription: Bool
        let hasMismatch: Bool
        let mismatch: String
        let isCurrent: Bool
        let canRemove: Bool
        let entries: Int
        let isArchive: Bool
        let viewable: Bool
    }

    let caseID: String
    let reference: String
    let patientName: String
    let records: [Row]
    let hasRecords: Bool
    let canSend: Bool
    let hasError: Bool
    let error: String
    let categories: [Option]
    let maxFile: String
    let accepted: String

    init(
        caseModel: CaseModel, records: [RecordModel], viewer: SignedInUser, relation: AccessPolicy.Relation, canSend: Bool, error: String?,
        maxFileBytes: Int64, wording: Wording
    ) {
        let language = wording.language
        caseID = caseModel.id?.uuidString.lowercased() ?? ""
        reference = caseModel.caseReference?.display ?? caseModel.reference
        patientName = caseModel.patient.fullName
        let seesFlags = AccessPolicy.allows(.seeRecordMismatch, relation, CaseAccess.facts(caseModel, viewer: viewer))
        self.records = records.map { record in
            let mismatch = record.patientMismatch.split(separator: ",").map { $0 == "name" ? "patient name" : "birth date" }
            return Row(
                id: record.id?.uuidString.lowercased() ?? "", fileName: record.fileName,
                category: RecordModel.categoryName(record.category, wording),
                uploadedBy: record.uploadedBy.displayName,
                uploadedAt: record.createdAt.map { DisplayDate.withTime($0, in: language) } ?? "",
                size: ByteSize.words(record.size, in: language),
                isDICOM: record.kind == FileKind.dicom.rawValue,
                studyDate: Self.date(record.studyDate, in: language), hasStudyDate: !record.studyDate.isEmpty, modality: record.modality,
                studyDescription: record.studyDescription, hasStudyDescription: !record.studyDescription.isEmpty,
                hasMismatch: seesFlags && !mismatch.isEmpty,
                mismatch: "the " + mismatch.joined(separator: " and ") + " in this file " + (mismatch.count > 1 ? "do" : "does")
                    + " not match the case's patient", isCurrent: record.isCurrent,
                canRemove: record.isCurrent
                    && AccessPolicy.allows(.removeRecord, relation, CaseAccess.facts(caseModel, record: record, viewer: viewer)),
                entries: record.entryCount,
                isArchive: record.kind == FileKind.zip.rawValue,
                viewable: FileKind(rawValue: record.kind)?.isViewableInBrowser ?? false)
        }
        hasRecords = !records.isEmpty
        self.canSend = canSend
        hasError = error != nil
        self.error = error ?? ""
        categories = RecordModel.categories.map {
            Option(value: $0.0, label: RecordModel.categoryName($0.0, wording), selected: $0.0 == "imaging", id: "category-\($0.0)")
        }
        maxFile = ByteSize.words(maxFileBytes, in: language)
        accepted = wording("records-accepted-kinds")
    }

    /// DICOM's YYYYMMDD as a readable date.
    static func date(_ raw: String, in language: Language) -> String {
        guard raw.count == 8, let date = CalendarDate(iso: "\(raw.prefix(4))-\(raw.dropFirst(4).prefix(2))-\(raw.suffix(2))") else {
            return raw
        }
        return DisplayDate.long(date, in: language)
    }
}
