import FluentKit
import SQLKit

/// The audit search shows the newest events that match, by action, person or patient. With an
/// index on the column alone, the database gathered every matching event and sorted them all
/// for each page (tens of thousands after a busy day). Each index now ends in the sequence, so
/// the newest matches are read in order and the page stops after fifty.
struct IndexAuditSearch: AsyncMigration {
    static let indexes = [
        ("audit_events_action_idx", "audit_events_action_sequence_idx", "action"),
        ("audit_events_actor_idx", "audit_events_actor_sequence_idx", "actor_user_id"),
        ("audit_events_patient_idx", "audit_events_patient_sequence_idx", "patient_id"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (old, new, column) in Self.indexes {
            try await sql.create(index: new).on(AuditEventModel.schema).column(column).column("sequence").run()
            try await sql.drop(index: old).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (old, new, column) in Self.indexes {
            try await sql.create(index: old).on(AuditEventModel.schema).column(column).run()
            try await sql.drop(index: new).run()
        }
    }
}
