import ConsiliumCore
import FluentKit
import Foundation

/// The emailed link that lets the named physician join a case, once; only its hash is kept.
final class CaseInvitationModel: Model, @unchecked Sendable {
    static let schema = "case_invitations"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    @Parent(key: "case_id") var caseModel: CaseModel

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "email") var email: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    /// The id, typed.
    var invitationID: InvitationID? { id.map(InvitationID.init(rawValue:)) }

    init() {}
}
