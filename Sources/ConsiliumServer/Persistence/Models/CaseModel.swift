import ConsiliumCore
import FluentKit
import Foundation

/// A request for a second opinion (FHIR ServiceRequest). Reached only through `CaseQueries`,
/// which scope every lookup to what the signed-in user may see.
final class CaseModel: Model, @unchecked Sendable {
    static let schema = "cases"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // reference fields
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "opened_by") var openedBy: UserModel
    @OptionalParent(key: "treating_physician_id") var treatingPhysician: UserModel?
    @OptionalField(key: "assigned_consultant_id") var assignedConsultantID: UUID?

    // data fields
    @Field(key: "reference") var reference: String
    @Field(key: "state") var state: CaseState
    @Field(key: "specialty") var specialty: String
    @Field(key: "question") var question: String
    @Field(key: "diagnosis") var diagnosis: String
    @Field(key: "treatments") var treatments: String
    /// The physician the patient named, as typed.
    @Field(key: "physician_name") var physicianName: String
    @Field(key: "physician_email") var physicianEmail: String
    @Field(key: "physician_npi") var physicianNPI: String
    /// Added by the treating physician when confirming.
    @Field(key: "clinical_history") var clinicalHistory: String
    @Field(key: "clinical_question") var clinicalQuestion: String
    @Field(key: "materials") var materials: String
    /// When a coordinator judged the records complete: the turnaround clock starts here.
    @OptionalField(key: "records_completed_at") var recordsCompletedAt: Date?
    /// The queue's sort keys, in whole microseconds since 1970.
    @Field(key: "opened_at_us") var openedAtMicros: Int64
    @OptionalField(key: "records_completed_us") var recordsCompletedMicros: Int64?

    static func micros(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }

    /// The id, typed.
    var caseID: CaseID? { id.map(CaseID.init(rawValue:)) }

    /// The id, typed, of a case that was saved.
    func requireCaseID() throws -> CaseID { CaseID(rawValue: try requireID()) }

    init() {}

    var caseReference: CaseReference? { try? CaseReference(reference) }
}
