import FluentKit

/// The patient's preferred language (an ISO 639 code) and whether telephone calls need an
/// interpreter, asked at registration from now on. Patients registered before stay unknown
/// (null) until they or a coordinator say.
struct AddPatientLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).field("preferred_language", .string).update()
        try await database.schema(PatientModel.schema).field("interpreter_needed", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).deleteField("interpreter_needed").update()
        try await database.schema(PatientModel.schema).deleteField("preferred_language").update()
    }
}
