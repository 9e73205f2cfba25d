import FluentKit

/// Accounts, with one role each and a unique normalised email.
struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            // data fields
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("email_verified_at", .datetime)
            .field("disabled_at", .datetime)
            .field("password_changed_at", .datetime)
            // constraints
            .unique(on: "email", name: "users_email_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}
