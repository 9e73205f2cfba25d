import FluentKit

/// A case invitation works once, for the physician it names, and ends when the handshake moves
/// on: when it was used, and when it was revoked (another physician named, the case confirmed
/// or declined).
struct EndCaseInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds a single column per ALTER TABLE
        try await database.schema(CaseInvitationModel.schema).field("used_at", .datetime).update()
        try await database.schema(CaseInvitationModel.schema).field("revoked_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseInvitationModel.schema).deleteField("used_at").update()
        try await database.schema(CaseInvitationModel.schema).deleteField("revoked_at").update()
    }
}
