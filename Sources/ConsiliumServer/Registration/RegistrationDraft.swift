import ConsiliumCore
import Foundation

/// What a person has entered in the registration wizard so far, kept with their session on the
/// server (never in the browser), so Back, Next and a reload lose nothing. No account exists
/// until the last step; the password is kept only as its Bcrypt hash.
struct RegistrationDraft: Codable, Sendable {
    var personal = PersonalDetailsInput()
    /// Set once step 1 passed its checks.
    var personalDetails: PersonalDetails?

    var typedSignature = ""
    var courtesyCopy = true
    var agreementTicked = false
    /// Set once the agreement was accepted at step 2.
    var acceptance: Acceptance?

    var email = ""
    var emailConfirmation = ""
    /// Set once step 3 passed: the Bcrypt hash of the chosen password.
    var passwordHash: String?

    var contact = ContactInput()

    /// The agreement as accepted: which versions, the exact text's hash, who, when and from where.
    struct Acceptance: Codable, Sendable {
        var agreementVersionID: UUID
        var termsVersionID: UUID
        var textSHA256: String
        /// The language the agreement was read in, and the translation's hash when it was one.
        var shownLanguage: String? = nil
        var translationSHA256: String? = nil
        var typedName: String
        var courtesyCopy: Bool
        var signedAt: Date
        var clientAddress: String
        var userAgent: String
    }

    /// The steps a person may open: each needs the ones before it.
    var furthestStep: RegistrationStep {
        if personalDetails == nil { return .personal }
        if acceptance == nil { return .agreement }
        if passwordHash == nil { return .account }
        return .contact
    }
}

/// The fields of step 4 as typed.
struct ContactInput: Codable, Sendable {
    var addressLine1 = ""
    var addressLine2 = ""
    var city = ""
    var region = ""
    var postalCode = ""
    var country = ""
    var phone = ""
    var preferredContactTime = ""

    /// As the contact form posts it.
    static func typed(_ form: FormData) -> ContactInput {
        ContactInput(
            addressLine1: form["addressLine1"], addressLine2: form["addressLine2"], city: form["city"], region: form["region"],
            postalCode: form["postalCode"], country: form["addressCountry"], phone: form["phone"],
            preferredContactTime: form["preferredContactTime"])
    }

    /// The details on file, to edit.
    static func stored(_ model: ContactDetailsModel) -> ContactInput {
        ContactInput(
            addressLine1: model.addressLine1, addressLine2: model.addressLine2, city: model.city, region: model.region,
            postalCode: model.postalCode, country: model.country, phone: model.phoneDisplay,
            preferredContactTime: model.preferredContactTime)
    }

    /// Checks the input with the registration's rules.
    func check() -> (ContactRules.Checked?, [String: Message]) {
        ContactRules.check(
            addressLine1: addressLine1, addressLine2: addressLine2, city: city, region: region, postalCode: postalCode, country: country,
            phone: phone, preferredContactTime: preferredContactTime)
    }
}

/// The four steps, in order.
enum RegistrationStep: Int, Codable, Comparable, CaseIterable, Sendable {
    case personal = 1, agreement, account, contact

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    var path: String {
        switch self {
        case .personal: "/register"
        case .agreement: "/register/agreement"
        case .account: "/register/account"
        case .contact: "/register/contact"
        }
    }

    /// The step's name in the catalogs.
    var title: String {
        switch self {
        case .personal: "reg-step-personal"
        case .agreement: "reg-step-agreement"
        case .account: "reg-step-account"
        case .contact: "reg-step-contact"
        }
    }
}
