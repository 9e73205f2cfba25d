import ConsiliumCore
import FluentKit
import Foundation

/// One move of a case from a state to another: who, when and why. Only ever inserted.
final class CaseEventModel: Model, @unchecked Sendable {
    static let schema = "case_events"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?

    // data fields
    @Field(key: "actor_name") var actorName: String
    @Field(key: "actor_role") var actorRole: String
    @Field(key: "from_state") var fromState: CaseState
    @Field(key: "to_state") var toState: CaseState
    @Field(key: "reason") var reason: String

    init() {}
}
