import FluentKit
import SQLKit

/// Server-side sessions, keyed by the hash of the session id.
struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema)
            // managed fields
            .field("id_hash", .string, .identifier(auto: false))
            .field("created_at", .datetime)
            // reference fields
            .field("user_id", .uuid, .references(UserModel.schema, "id", onDelete: .cascade))
            // data fields
            .field("data", .data, .required)
            .field("expires_at", .datetime)
            .create()
        try await (database as? any SQLDatabase)?.create(index: "sessions_user_id_idx")
            .on(SessionRecord.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema).delete()
    }
}
