import FluentKit
import Foundation

/// The patient's telephoned request not to receive a courtesy copy of the report, recorded by a
/// coordinator on their behalf: who recorded it, when, and the call's note. Only ever inserted.
final class CourtesyCopyOptOutModel: Model, @unchecked Sendable {
    static let schema = "courtesy_copy_optouts"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel
    @Field(key: "recorded_by") var recordedBy: UUID

    // data fields
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "note") var note: String

    init() {}
}
