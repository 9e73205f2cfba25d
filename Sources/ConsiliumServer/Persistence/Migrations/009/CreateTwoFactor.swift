import FluentKit
import SQLKit

/// Two-step sign-in: each user's sealed authenticator key, the last time step used (the replay
/// guard) and when it was turned on; and the hashed single-use recovery codes.
struct CreateTwoFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds a single column per ALTER TABLE
        try await database.schema(UserModel.schema).field("totp_secret", .string).update()
        try await database.schema(UserModel.schema).field("totp_last_step", .int64).update()
        try await database.schema(UserModel.schema).field("two_factor_enabled_at", .datetime).update()
        try await database.schema(RecoveryCodeModel.schema)
            // managed fields
            .id()
            .field("created_at", .datetime, .required)
            // reference fields
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            // data fields
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            // constraints
            .unique(on: "user_id", "code_hash", name: "recovery_codes_user_code_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecoveryCodeModel.schema).delete()
        for name in ["totp_secret", "totp_last_step", "two_factor_enabled_at"] {
            try await database.schema(UserModel.schema).deleteField(.init(stringLiteral: name)).update()
        }
    }
}
