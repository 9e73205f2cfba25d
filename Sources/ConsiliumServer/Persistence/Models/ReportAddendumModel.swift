import FluentKit
import Foundation

/// A signed addition beneath a signed report: a correction, or the answer to a follow-up
/// question. Like the report, fixed once signed.
final class ReportAddendumModel: Model, @unchecked Sendable {
    static let schema = "report_addenda"

    // managed fields
    @ID(key: .id) var id: UUID?

    // reference fields
    @Parent(key: "report_id") var report: ReportModel
    @OptionalField(key: "question_id") var questionID: UUID?

    // data fields
    @Field(key: "kind") var kind: String
    @Field(key: "body") var body: String
    @Field(key: "signed_by_name") var signedByName: String
    @Field(key: "signed_at") var signedAt: Date
    @Field(key: "content_sha256") var contentSHA256: String
    /// For a translation of the patient's summary (`kind` "summary_translation"): its language's
    /// tag and the translator's name and role, as the coordinator attached them.
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "translator") var translator: String?

    init() {}
}
