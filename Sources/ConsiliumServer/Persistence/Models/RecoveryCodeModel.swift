import FluentKit
import Foundation

/// One single-use recovery code, kept as a hash; `usedAt` is set when it is spent.
final class RecoveryCodeModel: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // reference fields
    @Field(key: "user_id") var userID: UUID

    // data fields
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, codeHash: String, createdAt: Date) {
        self.userID = userID
        self.codeHash = codeHash
        self.createdAt = createdAt
    }
}
