import FluentKit
import SQLKit

/// Coordinator triage: consultants' specialties, the case's assignment and turnaround start,
/// messages on a case, and telephoned courtesy-copy opt-outs.
struct CreateTriageTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ConsultantProfileModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("specialty", .string, .required)
            .unique(on: "user_id", name: "consultant_profiles_user_unique")
            .create()
        // Added columns carry no constraint: SQLite cannot add one to an existing table.
        try await database.schema(CaseModel.schema)
            .field("assigned_consultant_id", .uuid)
            .update()
        try await database.schema(CaseModel.schema)
            .field("records_completed_at", .datetime)
            .update()
        // The queue's sort keys as whole microseconds: dates do not survive a round trip through
        // SQLite exactly, and a keyset needs exact equality.
        try await database.schema(CaseModel.schema)
            .field("opened_at_us", .int64, .required, .sql(.default(0)))
            .update()
        try await database.schema(CaseModel.schema)
            .field("records_completed_us", .int64)
            .update()
        try await database.schema(CaseMessageModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("author_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("kind", .string, .required)
            .field("audience", .string, .required)
            .field("body", .string, .required)
            .create()
        try await database.schema(CourtesyCopyOptOutModel.schema)
            .id()
            .field("recorded_at", .datetime, .required)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("recorded_by", .uuid, .required)
            .field("recorded_by_name", .string, .required)
            .field("note", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            // The coordinators' queue pages by (created_at, id) within a state, newest first.
            try await sql.create(index: "cases_queue_idx").on(CaseModel.schema).column("state").column("opened_at_us").column("id").run()
            try await sql.create(index: "cases_opened_idx").on(CaseModel.schema).column("opened_at_us").column("id").run()
            try await sql.create(index: "cases_clock_idx").on(CaseModel.schema).column("records_completed_us").column("id").run()
            try await sql.create(index: "cases_consultant_idx").on(CaseModel.schema).column("assigned_consultant_id").run()
            try await sql.create(index: "case_messages_case_idx").on(CaseMessageModel.schema).column("case_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CourtesyCopyOptOutModel.schema).delete()
        try await database.schema(CaseMessageModel.schema).delete()
        try await database.schema(CaseModel.schema).deleteField("records_completed_us").update()
        try await database.schema(CaseModel.schema).deleteField("opened_at_us").update()
        try await database.schema(CaseModel.schema).deleteField("records_completed_at").update()
        try await database.schema(CaseModel.schema).deleteField("assigned_consultant_id").update()
        try await database.schema(ConsultantProfileModel.schema).delete()
    }
}
