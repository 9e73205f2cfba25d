import FluentKit

/// The language a person chose with the switch while signed in (a BCP 47 tag such as "es"),
/// so the next sign-in, on any browser, answers in it. Empty until they choose.
struct AddUserLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("language").update()
    }
}
