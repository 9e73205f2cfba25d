/// The checks of the registration wizard, each failure worded for the person who typed it.
public enum RegistrationRules {
    /// The oldest date of birth accepted.
    static let maximumAge = 130
    /// Below this age only a parent or legal guardian may register the patient.
    public static let ageOfMajority = 18

    /// What the location says about the case.
    public enum Eligibility: Equatable, Sendable {
        case eligible
        case ineligible
        /// The location is missing or unknown; the errors say which field.
        case incomplete([PersonalField: String])
    }

    /// Checks only the location, as the first thing after it is entered.
    public static func eligibility(country rawCountry: String, state rawState: String, area: ServiceArea) -> Eligibility {
        let country = rawCountry.uppercased()
        let state = rawState.uppercased()
        guard Country.codes.contains(country) else { return .incomplete([.country: "Select the country where the patient lives."]) }
        if country == "US", !USState.codes.contains(state) {
            return .incomplete([.state: "Select the state where the patient lives."])
        }
        return area.serves(country: country, state: country == "US" ? state : nil) ? .eligible : .ineligible
    }

    /// The outcome of checking step 1: the details, or one message per field in error.
    public enum Checked: Sendable {
        case valid(PersonalDetails)
        case invalid([PersonalField: String])
    }

    /// Checks every field of step 1.
    public static func personalDetails(_ input: PersonalDetailsInput, today: CalendarDate) -> Checked {
        var errors: [PersonalField: String] = [:]
        let registrant = Registrant(rawValue: input.registrant)
        if registrant == nil { errors[.registrant] = "Say whether you are the patient or a family member." }

        let patientFirst = name(input.patientFirstName, field: .patientFirstName, what: "the patient's first name", &errors)
        let patientLast = name(input.patientLastName, field: .patientLastName, what: "the patient's last name", &errors)

        var dateOfBirth: CalendarDate?
        do {
            let date = try CalendarDate(day: input.birthDay, month: input.birthMonth, year: input.birthYear)
            if date > today {
                errors[.dateOfBirth] = "The date of birth must be in the past."
            } else if date.age(on: today) > maximumAge {
                errors[.dateOfBirth] = "Check the year of birth: it is more than \(maximumAge) years ago."
            } else {
                dateOfBirth = date
            }
        } catch .incomplete {
            errors[.dateOfBirth] = "Enter the patient's date of birth: day, month and year."
        } catch {
            errors[.dateOfBirth] = "Enter a real date of birth, for example 27 3 1957."
        }

        let sex = AdministrativeSex(rawValue: input.sex)
        if sex == nil { errors[.sex] = "Select the patient's sex." }

        var proxy: PersonalDetails.Proxy?
        if registrant == .familyMember {
            let first = name(input.proxyFirstName, field: .proxyFirstName, what: "your first name", &errors)
            let last = name(input.proxyLastName, field: .proxyLastName, what: "your last name", &errors)
            let relationship = Relationship(rawValue: input.relationship)
            if relationship == nil { errors[.relationship] = "Select how you are related to the patient." }
            let authority = ProxyAuthority(rawValue: input.authority)
            if authority == nil { errors[.authority] = "Select the authority under which you act for the patient." }
            if let authority, let dateOfBirth, dateOfBirth.age(on: today) < ageOfMajority, !authority.mayActForMinor {
                errors[.authority] = "A patient under \(ageOfMajority) can only be registered by a parent or legal guardian."
            }
            if let first, let last, let relationship, let authority {
                proxy = .init(firstName: first, lastName: last, relationship: relationship, authority: authority)
            }
        } else if registrant == .myself, let dateOfBirth, dateOfBirth.age(on: today) < ageOfMajority {
            errors[.registrant] =
                "A patient under \(ageOfMajority) must be registered by a parent or legal guardian. Please ask them to register for you."
        }

        let country = input.country.uppercased()
        let state = country == "US" ? input.state.uppercased() : ""
        if case .incomplete(let locationErrors) = eligibility(country: country, state: state, area: .everywhere) {
            errors.merge(locationErrors) { $1 }
        }

        guard errors.isEmpty, let registrant, let patientFirst, let patientLast, let dateOfBirth, let sex else {
            return .invalid(errors)
        }
        return .valid(
            PersonalDetails(
                registrant: registrant, patientFirstName: patientFirst, patientLastName: patientLast, dateOfBirth: dateOfBirth, sex: sex,
                proxy: proxy, country: country, state: state))
    }

    private static func name(_ raw: String, field: PersonalField, what: String, _ errors: inout [PersonalField: String]) -> String? {
        do {
            return try PersonName.clean(raw)
        } catch .empty {
            errors[field] = "Enter \(what)."
        } catch .tooLong {
            errors[field] = "Shorten \(what) to \(PersonName.maximumLength) characters."
        } catch {
            errors[field] = "Use only letters, spaces, hyphens and apostrophes in \(what)."
        }
        return nil
    }
}

extension ServiceArea {
    /// Every country and state: used to check that a location is well formed, not whether it is served.
    static var everywhere: ServiceArea {
        ServiceArea(countries: Country.codes, excludedUSStates: [])
    }
}
