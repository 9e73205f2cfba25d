/// Step 3's checks: the email typed twice, the password typed twice and within the rule.
public enum AccountRules {
    /// The checked email, or one message per field name in error.
    public static func check(
        email: String, emailConfirmation: String, password: String, passwordConfirmation: String, passwordAlreadyChosen: Bool,
        names: [String], policy: PasswordPolicy
    ) -> (email: EmailAddress?, errors: [String: String]) {
        var errors: [String: String] = [:]
        var address: EmailAddress?
        do {
            address = try EmailAddress(email)
        } catch .empty {
            errors["email"] = "Enter your email address."
        } catch {
            errors["email"] = "Enter an email address in the right form, like name@example.com."
        }
        if address != nil {
            if emailConfirmation.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["emailConfirmation"] = "Enter your email address again."
            } else if EmailAddress.normalise(emailConfirmation) != address?.value {
                errors["emailConfirmation"] = "The two email addresses do not match."
            }
        }
        let keeping = passwordAlreadyChosen && password.isEmpty && passwordConfirmation.isEmpty
        if !keeping {
            let failures = policy.failures(for: password, personalDetails: names + [address?.localPart].compactMap { $0 })
            if password.isEmpty {
                errors["password"] = "Choose a password."
            } else if !failures.isEmpty {
                errors["password"] = failures.map(\.message).joined(separator: " ")
            } else if passwordConfirmation != password {
                errors["passwordConfirmation"] = "The two passwords do not match."
            }
        }
        return (address, errors)
    }
}

/// Step 4's checks: a postal address and a telephone number.
public enum ContactRules {
    /// Contact details after checking.
    public struct Checked: Equatable, Sendable {
        public var addressLine1: String
        public var addressLine2: String
        public var city: String
        public var region: String
        public var postalCode: String
        public var country: String
        public var phone: PhoneNumber
        public var preferredContactTime: String
    }

    public static let preferredTimes: Set<String> = ["", "morning", "afternoon", "evening"]

    public static func check(
        addressLine1: String, addressLine2: String, city: String, region: String, postalCode: String, country: String, phone: String,
        preferredContactTime: String
    ) -> (Checked?, [String: String]) {
        var errors: [String: String] = [:]
        func required(_ value: String, _ field: String, _ message: String, max: Int = 100) -> String {
            let clean = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty { errors[field] = message } else if clean.count > max { errors[field] = "Shorten this to \(max) characters." }
            return clean
        }
        let line1 = required(addressLine1, "addressLine1", "Enter the first line of your address.")
        let line2 = addressLine2.trimmingCharacters(in: .whitespacesAndNewlines)
        if line2.count > 100 { errors["addressLine2"] = "Shorten this to 100 characters." }
        let cityValue = required(city, "city", "Enter your town or city.")
        let countryCode = country.uppercased()
        if !Country.codes.contains(countryCode) { errors["addressCountry"] = "Select your country." }
        var regionValue = required(region, "region", "Enter your state, province or region.")
        var postal = required(postalCode, "postalCode", "Enter your ZIP or postal code.", max: 12).uppercased()
        if countryCode == "US" {
            let state = regionValue.uppercased()
            if !regionValue.isEmpty {
                if let code = USState.all.first(where: { $0.code == state || $0.name.uppercased() == state })?.code {
                    regionValue = code
                } else {
                    errors["region"] = "Enter a U.S. state, like MA or Massachusetts."
                }
            }
            let digits = postal.filter(\.isNumber)
            if !postal.isEmpty {
                if postal.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }), digits.count == 5 || digits.count == 9 {
                    postal = digits.count == 9 ? digits.prefix(5) + "-" + digits.suffix(4) : digits
                } else {
                    errors["postalCode"] = "Enter a ZIP code of 5 digits, or 5 and 4, like 02114 or 02114-2696."
                }
            }
        }
        var number: PhoneNumber?
        do {
            number = try PhoneNumber(phone)
        } catch .empty {
            errors["phone"] = "Enter a telephone number."
        } catch .needsCountryCode {
            errors["phone"] = "Start a number outside the United States with + and its country code, like +44 20 7946 0958."
        } catch .wrongLengthForUS, .invalidUSNumber {
            errors["phone"] = "Enter a U.S. number of 10 digits, like (617) 555-0123, or start with + and the country code."
        } catch {
            errors["phone"] = "Enter a telephone number using digits, spaces, ( ) - and a leading + only."
        }
        if !preferredTimes.contains(preferredContactTime) { errors["preferredContactTime"] = "Select a time from the list." }
        guard errors.isEmpty, let number else { return (nil, errors) }
        return (
            Checked(
                addressLine1: line1, addressLine2: line2, city: cityValue, region: regionValue, postalCode: postal, country: countryCode,
                phone: number, preferredContactTime: preferredContactTime), errors
        )
    }
}
