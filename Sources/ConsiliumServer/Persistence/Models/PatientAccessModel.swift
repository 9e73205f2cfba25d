import ConsiliumCore
import FluentKit
import Foundation

/// Which account may act for which patient (FHIR RelatedPerson when it is a family member):
/// the patient's own account, or a family member's, with the authority they stated.
final class PatientAccessModel: Model, @unchecked Sendable {
    static let schema = "patient_access"

    /// The patient's own account has this relationship.
    static let selfRelationship = "self"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    @Parent(key: "user_id") var user: UserModel
    @Parent(key: "patient_id") var patient: PatientModel

    // data fields
    @Field(key: "relationship") var relationship: String
    @OptionalField(key: "authority") var authority: String?

    init() {}

    init(userID: UUID, patientID: UUID, proxy: PersonalDetails.Proxy?) {
        self.$user.id = userID
        self.$patient.id = patientID
        relationship = proxy?.relationship.rawValue ?? Self.selfRelationship
        authority = proxy?.authority.rawValue
    }
}
