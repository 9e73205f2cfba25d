import FluentKit
import SQLKit

/// The audit log. Rows are only ever inserted.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            // managed fields
            .id()
            .field("occurred_at", .datetime, .required)
            // reference fields
            .field("actor_user_id", .uuid)
            .field("actor_role", .string)
            .field("patient_id", .uuid)
            // data fields
            .field("action", .string, .required)
            .field("object_type", .string)
            .field("object_id", .string)
            .field("outcome", .string, .required)
            .field("client_address", .string)
            .field("user_agent", .string)
            .field("detail", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_events_time_idx").on(AuditEventModel.schema).column("occurred_at").run()
            try await sql.create(index: "audit_events_actor_idx").on(AuditEventModel.schema).column("actor_user_id").run()
            try await sql.create(index: "audit_events_patient_idx").on(AuditEventModel.schema).column("patient_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).delete()
    }
}
