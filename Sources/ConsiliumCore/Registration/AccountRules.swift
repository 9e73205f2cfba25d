/// Step 3's checks: the email typed twice, the password typed twice and within the rule.
public enum AccountRules {
    /// The checked email, or one message per field name in error.
    public static func check(
        email: String, emailConfirmation: String, password: String, passwordConfirmation: String, passwordAlreadyChosen: Bool,
        names: [String], policy: PasswordPolicy
    ) -> (email: EmailAddress?, errors: [String: Message]) {
        var errors: [String: Message] = [:]
        var address: EmailAddress?
        do {
            address = try EmailAddress(email)
        } catch .empty {
            errors["email"] = Message("account-error-email-empty")
        } catch {
            errors["email"] = Message("account-error-email-form")
        }
        if address != nil {
            if emailConfirmation.trimmingCharacters(in: .whitespaces).isEmpty {
                errors["emailConfirmation"] = Message("account-error-email-again")
            } else if EmailAddress.normalise(emailConfirmation) != address?.value {
                errors["emailConfirmation"] = Message("account-error-email-mismatch")
            }
        }
        let keeping = passwordAlreadyChosen && password.isEmpty && passwordConfirmation.isEmpty
        if !keeping {
            let failures = policy.failures(for: password, personalDetails: names + [address?.localPart].compactMap { $0 })
            if password.isEmpty {
                errors["password"] = Message("account-error-password-empty")
            } else if !failures.isEmpty {
                errors["password"] = .joined(failures.map(\.message))
            } else if passwordConfirmation != password {
                errors["passwordConfirmation"] = Message("account-error-password-mismatch")
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
    ) -> (Checked?, [String: Message]) {
        var errors: [String: Message] = [:]
        func required(_ value: String, _ field: String, max: Int = 100) -> String {
            let clean = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty {
                errors[field] = Message("contact-error-\(field)-empty")
            } else if clean.count > max {
                errors[field] = Message("contact-error-too-long", ["max": .number(max)])
            }
            return clean
        }
        let line1 = required(addressLine1, "addressLine1")
        let line2 = addressLine2.trimmingCharacters(in: .whitespacesAndNewlines)
        if line2.count > 100 { errors["addressLine2"] = Message("contact-error-too-long", ["max": 100]) }
        let cityValue = required(city, "city")
        let countryCode = country.uppercased()
        if !Country.codes.contains(countryCode) { errors["addressCountry"] = Message("contact-error-country") }
        var regionValue = required(region, "region")
        var postal = required(postalCode, "postalCode", max: 12).uppercased()
        if countryCode == "US" {
            let state = regionValue.uppercased()
            if !regionValue.isEmpty {
                if let code = USState.all.first(where: { $0.code == state || $0.name.uppercased() == state })?.code {
                    regionValue = code
                } else {
                    errors["region"] = Message("contact-error-us-state")
                }
            }
            let digits = postal.filter(\.isNumber)
            if !postal.isEmpty {
                if postal.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }), digits.count == 5 || digits.count == 9 {
                    postal = digits.count == 9 ? digits.prefix(5) + "-" + digits.suffix(4) : digits
                } else {
                    errors["postalCode"] = Message("contact-error-zip")
                }
            }
        }
        var number: PhoneNumber?
        do {
            number = try PhoneNumber(phone)
        } catch .empty {
            errors["phone"] = Message("contact-error-phone-empty")
        } catch .needsCountryCode {
            errors["phone"] = Message("contact-error-phone-country-code")
        } catch .wrongLengthForUS, .invalidUSNumber {
            errors["phone"] = Message("contact-error-phone-us")
        } catch {
            errors["phone"] = Message("contact-error-phone-characters")
        }
        if !preferredTimes.contains(preferredContactTime) { errors["preferredContactTime"] = Message("contact-error-time") }
        guard errors.isEmpty, let number else { return (nil, errors) }
        return (
            Checked(
                addressLine1: line1, addressLine2: line2, city: cityValue, region: regionValue, postalCode: postal, country: countryCode,
                phone: number, preferredContactTime: preferredContactTime), errors
        )
    }
}
