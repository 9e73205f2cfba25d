import FluentKit
import SQLKit

/// Patients, who may act for them, signed consents, contact details and agreement versions.
struct CreateRegistrationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AgreementVersionModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("body", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "kind", "version", name: "agreement_versions_kind_version_unique")
            .create()

        try await database.schema(PatientModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("date_of_birth", .string, .required)
            .field("sex", .string, .required)
            .field("country", .string, .required)
            .field("state", .string, .required)
            .create()

        try await database.schema(PatientAccessModel.schema)
            .id()
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, "id"))
            .field("relationship", .string, .required)
            .field("authority", .string)
            .unique(on: "user_id", "patient_id", name: "patient_access_user_patient_unique")
            .create()

        try await database.schema(ConsentRecordModel.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, "id"))
            .field("signer_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("agreement_version_id", .uuid, .required, .references(AgreementVersionModel.schema, "id"))
            .field("terms_version_id", .uuid, .required, .references(AgreementVersionModel.schema, "id"))
            .field("decision", .string, .required)
            .field("text_sha256", .string, .required)
            .field("typed_name", .string, .required)
            .field("signer_role", .string, .required)
            .field("authority", .string)
            .field("courtesy_copy", .bool, .required)
            .field("signed_at", .datetime, .required)
            .field("client_address", .string)
            .field("user_agent", .string)
            .create()

        try await database.schema(ContactDetailsModel.schema)
            .id()
            .field("updated_at", .datetime)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("address_line1", .string, .required)
            .field("address_line2", .string, .required)
            .field("city", .string, .required)
            .field("region", .string, .required)
            .field("postal_code", .string, .required)
            .field("country", .string, .required)
            .field("phone", .string, .required)
            .field("preferred_contact_time", .string, .required)
            .unique(on: "user_id", name: "contact_details_user_unique")
            .create()

        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "patient_access_patient_idx").on(PatientAccessModel.schema).column("patient_id").run()
            try await sql.create(index: "consent_records_patient_idx").on(ConsentRecordModel.schema).column("patient_id").run()
            try await sql.create(index: "consent_records_signer_idx").on(ConsentRecordModel.schema).column("signer_user_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ContactDetailsModel.schema, ConsentRecordModel.schema, PatientAccessModel.schema, PatientModel.schema,
            AgreementVersionModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
