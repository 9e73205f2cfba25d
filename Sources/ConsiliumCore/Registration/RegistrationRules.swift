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
        case incomplete([PersonalField: Message])
    }

    /// Checks only the location, as the first thing after it is entered.
    public static func eligibility(country rawCountry: String, state rawState: String, area: ServiceArea) -> Eligibility {
        let country = rawCountry.uppercased()
        let state = rawState.uppercased()
        guard Country.codes.contains(country) else { return .incomplete([.country: Message("registration-error-country")]) }
        if country == "US", !USState.codes.contains(state) {
            return .incomplete([.state: Message("registration-error-state")])
        }
        return area.serves(country: country, state: country == "US" ? state : nil) ? .eligible : .ineligible
    }

    /// The outcome of checking step 1: the details, or one message per field in error.
    public enum Checked: Sendable {
        case valid(PersonalDetails)
        case invalid([PersonalField: Message])
    }

    /// Checks every field of step 1.
    public static func personalDetails(_ input: PersonalDetailsInput, today: CalendarDate) -> Checked {
        var errors: [PersonalField: Message] = [:]
        let registrant = Registrant(rawValue: input.registrant)
        if registrant == nil { errors[.registrant] = Message("registration-error-registrant") }

        let patientFirst = name(input.patientFirstName, field: .patientFirstName, &errors)
        let patientLast = name(input.patientLastName, field: .patientLastName, &errors)

        var dateOfBirth: CalendarDate?
        do {
            let date = try CalendarDate(day: input.birthDay, month: input.birthMonth, year: input.birthYear)
            if date > today {
                errors[.dateOfBirth] = Message("registration-error-birth-future")
            } else if date.age(on: today) > maximumAge {
                errors[.dateOfBirth] = Message("registration-error-birth-too-old", ["years": .number(maximumAge)])
            } else {
                dateOfBirth = date
            }
        } catch .incomplete {
            errors[.dateOfBirth] = Message("registration-error-birth-incomplete")
        } catch {
            errors[.dateOfBirth] = Message("registration-error-birth-invalid")
        }

        let sex = AdministrativeSex(rawValue: input.sex)
        if sex == nil { errors[.sex] = Message("registration-error-sex") }
        let language = input.preferredLanguage
        if !SpokenLanguages.codes.contains(language) { errors[.preferredLanguage] = Message("registration-error-language") }
        let interpreter = ["yes": true, "no": false][input.interpreter]
        if interpreter == nil { errors[.interpreter] = Message("registration-error-interpreter") }

        var proxy: PersonalDetails.Proxy?
        if registrant == .familyMember {
            let first = name(input.proxyFirstName, field: .proxyFirstName, &errors)
            let last = name(input.proxyLastName, field: .proxyLastName, &errors)
            let relationship = Relationship(rawValue: input.relationship)
            if relationship == nil { errors[.relationship] = Message("registration-error-relationship") }
            let authority = ProxyAuthority(rawValue: input.authority)
            if authority == nil { errors[.authority] = Message("registration-error-authority") }
            if let authority, let dateOfBirth, dateOfBirth.age(on: today) < ageOfMajority, !authority.mayActForMinor {
                errors[.authority] = Message("registration-error-minor-authority", ["age": .number(ageOfMajority)])
            }
            if let first, let last, let relationship, let authority {
                proxy = .init(firstName: first, lastName: last, relationship: relationship, authority: authority)
            }
        } else if registrant == .myself, let dateOfBirth, dateOfBirth.age(on: today) < ageOfMajority {
            errors[.registrant] = Message("registration-error-minor-self", ["age": .number(ageOfMajority)])
        }

        let country = input.country.uppercased()
        let state = country == "US" ? input.state.uppercased() : ""
        if case .incomplete(let locationErrors) = eligibility(country: country, state: state, area: .everywhere) {
            errors.merge(locationErrors) { $1 }
        }

        guard errors.isEmpty, let registrant, let patientFirst, let patientLast, let dateOfBirth, let sex, let interpreter else {
            return .invalid(errors)
        }
        return .valid(
            PersonalDetails(
                registrant: registrant, patientFirstName: patientFirst, patientLastName: patientLast, dateOfBirth: dateOfBirth, sex: sex,
                proxy: proxy, country: country, state: state, preferredLanguage: language, interpreterNeeded: interpreter))
    }

    /// A name field's value, or its failure: `name-empty-<field>`, `name-too-long-<field>`,
    /// `name-characters-<field>` (a message per field, so each language words the name its own way).
    private static func name(_ raw: String, field: PersonalField, _ errors: inout [PersonalField: Message]) -> String? {
        do {
            return try PersonName.clean(raw)
        } catch .empty {
            errors[field] = Message("name-empty-\(field.rawValue)")
        } catch .tooLong {
            errors[field] = Message("name-too-long-\(field.rawValue)", ["max": .number(PersonName.maximumLength)])
        } catch {
            errors[field] = Message("name-characters-\(field.rawValue)")
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
