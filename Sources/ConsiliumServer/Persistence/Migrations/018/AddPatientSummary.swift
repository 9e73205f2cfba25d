import FluentKit
import SQLKit

/// The report's "Summary for the patient" and the language it is written in. Reports written
/// before it have an empty summary (and keep the hash they were signed with). An addendum that
/// is a translation of the summary names its language and its translator.
struct AddPatientSummary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportModel.schema).field("patient_summary", .string, .required, .sql(.default(""))).update()
        try await database.schema(ReportModel.schema).field("patient_summary_language", .string).update()
        try await database.schema(ReportAddendumModel.schema).field("language", .string).update()
        try await database.schema(ReportAddendumModel.schema).field("translator", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportAddendumModel.schema).deleteField("translator").update()
        try await database.schema(ReportAddendumModel.schema).deleteField("language").update()
        try await database.schema(ReportModel.schema).deleteField("patient_summary_language").update()
        try await database.schema(ReportModel.schema).deleteField("patient_summary").update()
    }
}
