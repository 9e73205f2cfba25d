import FluentKit

/// Per account, the moment from which sessions are honoured: a session that began before the
/// account's last credential or role change is refused even if its row comes back. Whole
/// microseconds, so that the comparison with a session's start is exact on both databases.
struct AddSessionsValidFrom: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("sessions_valid_from_micros", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("sessions_valid_from_micros").update()
    }
}
