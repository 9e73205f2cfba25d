import FluentKit
import Foundation

/// A treating physician's professional details (FHIR Practitioner) and their verification by a coordinator.
final class PhysicianProfileModel: Model, @unchecked Sendable {
    static let schema = "physician_profiles"

    /// Where a coordinator's check of the physician's identity stands.
    enum Verification: String, Codable, Sendable {
        case pending, verified, rejected
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // reference fields
    @Parent(key: "user_id") var user: UserModel
    @OptionalParent(key: "verified_by") var verifiedBy: UserModel?

    // data fields
    @Field(key: "npi") var npi: String
    @Field(key: "licence_state") var licenceState: String
    @Field(key: "licence_number") var licenceNumber: String
    @Field(key: "specialty") var specialty: String
    @Field(key: "practice_name") var practiceName: String
    @Field(key: "address_line1") var addressLine1: String
    @Field(key: "address_line2") var addressLine2: String
    @Field(key: "city") var city: String
    @Field(key: "state") var state: String
    @Field(key: "postal_code") var postalCode: String
    @Field(key: "phone") var phone: String
    @Field(key: "verification") var verification: String
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @Field(key: "verification_note") var verificationNote: String

    init() {}

    var isVerified: Bool { verification == Verification.verified.rawValue }
}
