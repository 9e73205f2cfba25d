import FluentKit

/// What administrators edit in the browser: the service settings (one JSON document per key),
/// and invitations of staff by email.
struct CreateAdministration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SettingModel.schema)
            // managed fields
            .id()
            .field("updated_at", .datetime, .required)
            // reference fields
            .field("updated_by", .uuid)
            // data fields
            .field("key", .string, .required)
            .field("value", .string, .required)
            // constraints
            .unique(on: "key", name: "settings_key_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SettingModel.schema).delete()
    }
}
