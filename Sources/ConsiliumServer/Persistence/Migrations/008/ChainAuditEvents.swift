import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// Makes the audit log tamper-evident: every event gets a sequence number and a hash chained
/// to the event before it (events already written are chained in the order they happened), and
/// the database itself refuses to update or delete an event.
struct ChainAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // one column per statement: SQLite adds a single column per ALTER TABLE
        for (name, type) in [
            ("sequence", DatabaseSchema.DataType.int64), ("occurred_micros", .int64), ("previous_hash", .string), ("hash", .string),
        ] {
            try await database.schema(AuditEventModel.schema).field(
                .definition(name: .key(.init(stringLiteral: name)), dataType: type, constraints: [])
            ).update()
        }

        // chain what is there, oldest first
        let events = try await AuditEventModel.query(on: database).sort(\.$occurredAt).sort(\.$id).all()
        var previous = AuditChain.genesis
        for (index, event) in events.enumerated() {
            event.sequence = Int64(index + 1)
            event.occurredMicros = AuditLog.micros(event.occurredAt)
            event.previousHash = previous
            event.hash = ""
            event.hash = event.chainEntry.computedHash
            previous = event.hash
            try await event.update(on: database)
        }

        // constraints
        try await sql.create(index: "audit_events_sequence_key").on(AuditEventModel.schema).column("sequence").unique().run()
        try await sql.create(index: "audit_events_action_idx").on(AuditEventModel.schema).column("action").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events").run()
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_delete").run()
        }
        try await sql.drop(index: "audit_events_sequence_key").run()
        try await sql.drop(index: "audit_events_action_idx").run()
        for name in ["sequence", "occurred_micros", "previous_hash", "hash"] {
            try await database.schema(AuditEventModel.schema).deleteField(.init(stringLiteral: name)).update()
        }
    }
}
