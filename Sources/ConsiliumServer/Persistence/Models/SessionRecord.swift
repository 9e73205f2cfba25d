import FluentKit
import Foundation

/// One server-side session, keyed by the SHA-256 of its id so a copy of the table opens no session.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    // managed fields
    @ID(custom: "id_hash", generatedBy: .user) var id: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    /// The signed-in user, kept beside the data so that "end every session of this user" is one query.
    @OptionalField(key: "user_id") var userID: UUID?

    // data fields
    @Field(key: "data") var data: Data
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(idHash: String, userID: UUID?, data: Data, expiresAt: Date?) {
        self.id = idHash
        self.userID = userID
        self.data = data
        self.expiresAt = expiresAt
    }
}
