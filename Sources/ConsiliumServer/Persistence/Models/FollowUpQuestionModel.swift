import FluentKit
import Foundation

/// A treating physician's question after a report's release, answered by the consultant as a
/// signed addendum.
final class FollowUpQuestionModel: Model, @unchecked Sendable {
    static let schema = "follow_up_questions"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "asked_at") var askedAt: Date

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel
    @Field(key: "asked_by") var askedBy: UUID

    // data fields
    @Field(key: "asked_by_name") var askedByName: String
    @Field(key: "question") var question: String
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}
