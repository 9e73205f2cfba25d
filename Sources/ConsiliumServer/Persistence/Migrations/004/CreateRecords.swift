import FluentKit
import SQLKit

/// Medical records sent for cases.
struct CreateRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RecordModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("uploaded_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("removed_by", .uuid, .references(UserModel.schema, "id"))
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("category", .string, .required)
            .field("description", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("key_id", .string, .required)
            .field("status", .string, .required)
            .field("removed_at", .datetime)
            .field("study_date", .string, .required)
            .field("modality", .string, .required)
            .field("study_description", .string, .required)
            .field("patient_mismatch", .string, .required)
            .field("entry_count", .int, .required)
            .unique(on: "storage_key", name: "records_storage_key_unique")
            .create()
        try await (database as? any SQLDatabase)?.create(index: "records_case_idx").on(RecordModel.schema).column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecordModel.schema).delete()
    }
}
