import ConsiliumCore
import FluentKit
import SQLKit

/// Seals every audit event with a key derived from the master key (see `AuditSealKey`): the
/// seals table, append-only like the events, and a seal for each event already written, made
/// here once, while the chain is still as the service wrote it.
struct SealAuditEvents: AsyncMigration {
    let key: AuditSealKey

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await database.schema(AuditSealModel.schema)
            .field("sequence", .int64, .identifier(auto: false))
            .field("key_id", .string, .required)
            .field("mac", .string, .required)
            .create()
        var after: Int64 = 0
        while true {
            let page = try await AuditEventModel.query(on: database).filter(\.$sequence > after).sort(\.$sequence).limit(1000).all()
            for event in page {
                try await AuditSealModel(sequence: event.sequence, keyID: key.id, mac: key.seal(sequence: event.sequence, hash: event.hash))
                    .create(on: database)
            }
            guard let last = page.last, page.count == 1000 else { break }
            after = last.sequence
        }
        if sql.dialect.name == "postgresql" {
            // the function was made with the events' own triggers (ChainAuditEvents)
            try await sql.raw(
                """
                CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_seals_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_seals
                    BEGIN SELECT RAISE(ABORT, 'audit seals are append-only'); END
                    """
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditSealModel.schema).delete()
    }
}
