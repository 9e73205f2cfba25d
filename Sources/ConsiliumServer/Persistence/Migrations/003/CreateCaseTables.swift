import FluentKit
import SQLKit

/// Physicians' profiles, cases, their timelines and invitations.
struct CreateCaseTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PhysicianProfileModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("verified_by", .uuid, .references(UserModel.schema, "id"))
            .field("npi", .string, .required)
            .field("licence_state", .string, .required)
            .field("licence_number", .string, .required)
            .field("specialty", .string, .required)
            .field("practice_name", .string, .required)
            .field("address_line1", .string, .required)
            .field("address_line2", .string, .required)
            .field("city", .string, .required)
            .field("state", .string, .required)
            .field("postal_code", .string, .required)
            .field("phone", .string, .required)
            .field("verification", .string, .required)
            .field("verified_at", .datetime)
            .field("verification_note", .string, .required)
            .unique(on: "user_id", name: "physician_profiles_user_unique")
            .unique(on: "npi", name: "physician_profiles_npi_unique")
            .create()

        try await database.schema(CaseModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, "id"))
            .field("opened_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("treating_physician_id", .uuid, .references(UserModel.schema, "id"))
            .field("reference", .string, .required)
            .field("state", .string, .required)
            .field("specialty", .string, .required)
            .field("question", .string, .required)
            .field("diagnosis", .string, .required)
            .field("treatments", .string, .required)
            .field("physician_name", .string, .required)
            .field("physician_email", .string, .required)
            .field("physician_npi", .string, .required)
            .field("clinical_history", .string, .required)
            .field("clinical_question", .string, .required)
            .field("materials", .string, .required)
            .unique(on: "reference", name: "cases_reference_unique")
            .create()

        try await database.schema(CaseEventModel.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("actor_role", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("reason", .string, .required)
            .create()

        try await database.schema(CaseInvitationModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash", name: "case_invitations_hash_unique")
            .create()

        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "cases_patient_idx").on(CaseModel.schema).column("patient_id").run()
            try await sql.create(index: "cases_physician_idx").on(CaseModel.schema).column("treating_physician_id").run()
            try await sql.create(index: "case_events_case_idx").on(CaseEventModel.schema).column("case_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [CaseInvitationModel.schema, CaseEventModel.schema, CaseModel.schema, PhysicianProfileModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
