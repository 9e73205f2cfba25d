/// The checks of the treating physician's registration form, each worded for the physician.
public enum PhysicianRegistrationRules {
    /// The form as typed.
    public struct Input: Sendable {
        public var firstName = "", lastName = "", npi = "", licenceState = "", licenceNumber = "", specialty = ""
        public var practiceName = "", addressLine1 = "", addressLine2 = "", city = "", state = "", postalCode = "", phone = ""
        public init() {}
    }

    /// The form after checking.
    public struct Checked: Sendable {
        public var firstName: String, lastName: String, npi: NPI, licenceState: String, licenceNumber: String, specialty: String
        public var practiceName: String, addressLine1: String, addressLine2: String, city: String, state: String, postalCode: String
        public var phone: PhoneNumber
    }

    public static func check(_ input: Input) -> (Checked?, [String: String]) {
        var errors: [String: String] = [:]
        func name(_ raw: String, _ field: String, _ what: String) -> String {
            do { return try PersonName.clean(raw) } catch .empty { errors[field] = "Enter your \(what)." } catch {
                errors[field] = "Use only letters, spaces, hyphens and apostrophes in your \(what)."
            }
            return ""
        }
        func text(_ raw: String, _ field: String, _ message: String, max: Int = 120) -> String {
            let clean = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty { errors[field] = message } else if clean.count > max { errors[field] = "Shorten this to \(max) characters." }
            return clean
        }
        let first = name(input.firstName, "firstName", "first name")
        let last = name(input.lastName, "lastName", "last name")
        var npi: NPI?
        do {
            npi = try NPI(input.npi)
        } catch .empty {
            errors["npi"] = "Enter your 10-digit NPI."
        } catch .notTenDigits {
            errors["npi"] = "An NPI has exactly 10 digits."
        } catch {
            errors["npi"] = "This NPI's last digit does not match the others: please check it for a typo."
        }
        let licenceState = input.licenceState.uppercased()
        if !USState.codes.contains(licenceState) { errors["licenceState"] = "Select the state that issued your license." }
        let licenceNumber = text(input.licenceNumber, "licenceNumber", "Enter your license number.", max: 30)
        let specialty = text(input.specialty, "specialty", "Enter your specialty.", max: 80)
        let practice = text(input.practiceName, "practiceName", "Enter the name of your practice.")
        let line1 = text(input.addressLine1, "addressLine1", "Enter the first line of the practice's address.")
        let line2 = input.addressLine2.trimmingCharacters(in: .whitespacesAndNewlines)
        let city = text(input.city, "city", "Enter the practice's town or city.")
        let state = input.state.uppercased()
        if !USState.codes.contains(state) { errors["state"] = "Select the practice's state." }
        let postal = input.postalCode.filter(\.isNumber)
        if postal.count != 5 && postal.count != 9 { errors["postalCode"] = "Enter a ZIP code of 5 digits, or 5 and 4." }
        var phone: PhoneNumber?
        do { phone = try PhoneNumber(input.phone) } catch {
            errors["phone"] = "Enter the practice's telephone number, like (617) 555-0123."
        }
        guard errors.isEmpty, let npi, let phone else { return (nil, errors) }
        return (
            Checked(
                firstName: first, lastName: last, npi: npi, licenceState: licenceState, licenceNumber: licenceNumber, specialty: specialty,
                practiceName: practice, addressLine1: line1, addressLine2: line2, city: city, state: state,
                postalCode: postal.count == 9 ? postal.prefix(5) + "-" + postal.suffix(4) : postal, phone: phone), errors
        )
    }
}
