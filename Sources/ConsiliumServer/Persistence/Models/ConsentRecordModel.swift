import FluentKit
import Foundation

/// A signed agreement (FHIR Consent): written once, never updated. A new version accepted, or a
/// withdrawal, is a new record.
final class ConsentRecordModel: Model, @unchecked Sendable {
    static let schema = "consent_records"

    /// What the record says the signer did.
    enum Decision: String, Codable, Sendable {
        case accepted, withdrawn
    }

    // managed fields
    @ID(key: .id) var id: UUID?

    // reference fields
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "signer_user_id") var signer: UserModel
    @Parent(key: "agreement_version_id") var agreementVersion: AgreementVersionModel
    @Parent(key: "terms_version_id") var termsVersion: AgreementVersionModel

    // data fields
    @Field(key: "decision") var decision: String
    /// SHA-256 of the exact agreement and terms texts shown, joined.
    @Field(key: "text_sha256") var textSHA256: String
    /// The language the agreement was shown in (nil before translations existed: English).
    @OptionalField(key: "shown_language") var shownLanguage: String?
    /// The SHA-256 of the translation shown, when the person read one; `textSHA256` stays the
    /// English text's, the version that binds.
    @OptionalField(key: "translation_sha256") var translationSHA256: String?
    @Field(key: "typed_name") var typedName: String
    /// "patient" or "proxy".
    @Field(key: "signer_role") var signerRole: String
    @OptionalField(key: "authority") var authority: String?
    @Field(key: "courtesy_copy") var courtesyCopy: Bool
    @Field(key: "signed_at") var signedAt: Date
    @OptionalField(key: "client_address") var clientAddress: String?
    @OptionalField(key: "user_agent") var userAgent: String?

    init() {}
}
