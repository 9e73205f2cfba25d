import FluentKit

/// Translations of published agreement and terms versions, one per version and language, and
/// what a consent record keeps of the text shown: its language and, when it was a translation,
/// the translation's SHA-256 beside the binding English text's (`text_sha256`).
struct CreateAgreementTranslations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AgreementTranslationModel.schema)
            .id()
            .field("version_id", .uuid, .required, .references(AgreementVersionModel.schema, "id"))
            .field("language", .string, .required)
            .field("body", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "version_id", "language")
            .create()
        try await database.schema(ConsentRecordModel.schema).field("shown_language", .string).update()
        try await database.schema(ConsentRecordModel.schema).field("translation_sha256", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsentRecordModel.schema).deleteField("translation_sha256").update()
        try await database.schema(ConsentRecordModel.schema).deleteField("shown_language").update()
        try await database.schema(AgreementTranslationModel.schema).delete()
    }
}
