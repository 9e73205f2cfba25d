import FluentKit

/// Consultants' reports.
struct CreateReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportModel.schema)
            .id()
            .field("updated_at", .datetime)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("consultant_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("records_reviewed", .string, .required)
            .field("history_summary", .string, .required)
            .field("opinion", .string, .required)
            .field("recommendations", .string, .required)
            .field("answers", .string, .required)
            .field("signed_at", .datetime)
            .field("signed_by_name", .string, .required)
            .field("content_sha256", .string, .required)
            .field("released_at", .datetime)
            .field("courtesy_copy", .bool, .required)
            .unique(on: "case_id", name: "reports_case_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportModel.schema).delete()
    }
}
