import FluentKit
import SQLKit

/// The mail outbox: messages written with the event that causes them, delivered by a background loop.
struct CreateOutboxMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema)
            // managed fields
            .id()
            .field("created_at", .datetime)
            // data fields
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body_text", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claim_token", .string)
            .field("claimed_until", .datetime)
            .field("last_error", .string)
            .field("sent_at", .datetime)
            .create()
        try await (database as? any SQLDatabase)?.create(index: "outbox_due_idx")
            .on(OutboxMessageModel.schema).column("status").column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).delete()
    }
}
