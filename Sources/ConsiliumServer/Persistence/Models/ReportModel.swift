import ConsiliumCore
import FluentKit
import Foundation

/// A consultant's written opinion on a case (FHIR DiagnosticReport). A draft changes under a
/// version check; once signed its text, signer, time and SHA-256 are fixed and no route can
/// change it (corrections are signed addenda).
final class ReportModel: Model, @unchecked Sendable {
    static let schema = "reports"

    /// Where the report stands.
    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel
    @Field(key: "consultant_id") var consultantID: UUID

    // data fields
    /// Incremented by every save; a save naming an older version is refused.
    @Field(key: "version") var version: Int
    @Field(key: "status") var status: ReportStatus
    /// Ids of the records the consultant reviewed, comma-separated.
    @Field(key: "records_reviewed") var recordsReviewed: String
    @Field(key: "history_summary") var historySummary: String
    @Field(key: "opinion") var opinion: String
    @Field(key: "recommendations") var recommendations: String
    @Field(key: "answers") var answers: String
    /// The summary for the patient, in plain words, and its language's tag.
    @Field(key: "patient_summary") var patientSummary: String
    @OptionalField(key: "patient_summary_language") var patientSummaryLanguage: String?
    @OptionalField(key: "signed_at") var signedAt: Date?
    @Field(key: "signed_by_name") var signedByName: String
    @Field(key: "content_sha256") var contentSHA256: String
    @OptionalField(key: "released_at") var releasedAt: Date?
    /// Whether the patient's side received a courtesy copy at release.
    @Field(key: "courtesy_copy") var courtesyCopy: Bool

    /// The id, typed.
    var reportID: ReportID? { id.map(ReportID.init(rawValue:)) }

    /// A report made in code starts with no summary, as the column's default does.
    init() { patientSummary = "" }

    var isDraft: Bool { status == .draft }
}
