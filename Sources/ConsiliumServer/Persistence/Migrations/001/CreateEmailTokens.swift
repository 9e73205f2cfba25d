import FluentKit

/// Single-use email secrets (verification, password reset), stored as hashes.
struct CreateEmailTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EmailTokenModel.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            // reference fields
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            // data fields
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            // constraints
            .unique(on: "token_hash", name: "email_tokens_hash_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EmailTokenModel.schema).delete()
    }
}
