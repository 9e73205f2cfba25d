import FluentKit

/// Addenda beneath signed reports, and follow-up questions after release.
struct CreateFollowUps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FollowUpQuestionModel.schema)
            .id()
            .field("asked_at", .datetime, .required)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("asked_by", .uuid, .required)
            .field("asked_by_name", .string, .required)
            .field("question", .string, .required)
            .field("answered_at", .datetime)
            .create()
        try await database.schema(ReportAddendumModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("question_id", .uuid, .references(FollowUpQuestionModel.schema, "id"))
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("signed_by_name", .string, .required)
            .field("signed_at", .datetime, .required)
            .field("content_sha256", .string, .required)
            .unique(on: "question_id", name: "report_addenda_question_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportAddendumModel.schema).delete()
        try await database.schema(FollowUpQuestionModel.schema).delete()
    }
}
