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

    /// The form checked: the clean values, or each field's problem as a message of the catalogs
    /// (`physician-error-<field>…`).
    public static func check(_ input: Input) -> (Checked?, [String: Message]) {
        var errors: [String: Message] = [:]
        func name(_ raw: String, _ field: String) -> String {
            do { return try PersonName.clean(raw) } catch .empty { errors[field] = Message("physician-error-\(field)-empty") } catch {
                errors[field] = Message("physician-error-\(field)-characters")
            }
            return ""
        }
        func text(_ raw: String, _ field: String, max: Int = 120) -> String {
            let clean = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty {
                errors[field] = Message("physician-error-\(field)-empty")
            } else if clean.count > max {
                errors[field] = Message("physician-error-too-long", ["max": .number(max)])
            }
            return clean
        }
        let first = name(input.firstName, "firstName")
        let last = name(input.lastName, "lastName")
        var npi: NPI?
        do {
            npi = try NPI(input.npi)
        } catch .empty {
            errors["npi"] = Message("physician-error-npi-empty")
        } catch .notTenDigits {
            errors["npi"] = Message("physician-error-npi-digits")
        } catch {
            errors["npi"] = Message("physician-error-npi-check-digit")
        }
        let licenceState = input.licenceState.uppercased()
        if !USState.codes.contains(licenceState) { errors["licenceState"] = Message("physician-error-licenceState") }
        let licenceNumber = text(input.licenceNumber, "licenceNumber", max: 30)
        let specialty = text(input.specialty, "specialty", max: 80)
        let practice = text(input.practiceName, "practiceName")
        let line1 = text(input.addressLine1, "addressLine1")
        let line2 = input.addressLine2.trimmingCharacters(in: .whitespacesAndNewlines)
        let city = text(input.city, "city")
        let state = input.state.uppercased()
        if !USState.codes.contains(state) { errors["state"] = Message("physician-error-state") }
        let postal = input.postalCode.filter(\.isNumber)
        if postal.count != 5 && postal.count != 9 { errors["postalCode"] = Message("physician-error-postalCode") }
        var phone: PhoneNumber?
        do { phone = try PhoneNumber(input.phone) } catch {
            errors["phone"] = Message("physician-error-phone")
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
