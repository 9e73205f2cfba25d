import FluentKit
import Foundation

/// A message on a case from the service's coordinators: a request for more information, or the
/// reason a case was declined. Only ever inserted.
final class CaseMessageModel: Model, @unchecked Sendable {
    static let schema = "case_messages"

    /// Who the message is for.
    enum Audience: String, Codable, CaseIterable, Sendable {
        case patient, physician, both
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel
    @Field(key: "author_id") var authorID: UUID

    // data fields
    @Field(key: "author_name") var authorName: String
    @Field(key: "kind") var kind: String
    @Field(key: "audience") var audience: String
    @Field(key: "body") var body: String

    init() {}
}
