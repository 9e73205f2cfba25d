import ConsiliumCore
import FluentKit
import Foundation

/// The person whose case it is (FHIR Patient). Reached only through a `PatientAccessModel` link.
final class PatientModel: Model, @unchecked Sendable {
    static let schema = "patients"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    /// `YYYY-MM-DD`: a date of birth has no time or zone.
    @Field(key: "date_of_birth") var dateOfBirth: String
    @Field(key: "sex") var sex: String
    @Field(key: "country") var country: String
    @Field(key: "state") var state: String
    /// ISO 639 code; nil for a patient registered before the question was asked.
    @OptionalField(key: "preferred_language") var preferredLanguage: String?
    @OptionalField(key: "interpreter_needed") var interpreterNeeded: Bool?

    init() {}

    init(_ details: PersonalDetails) {
        firstName = details.patientFirstName
        lastName = details.patientLastName
        dateOfBirth = details.dateOfBirth.description
        sex = details.sex.rawValue
        country = details.country
        state = details.state
        preferredLanguage = details.preferredLanguage
        interpreterNeeded = details.interpreterNeeded
    }

    var fullName: String { firstName + " " + lastName }
    var patientID: PatientID? { id.map(PatientID.init(rawValue:)) }
}
