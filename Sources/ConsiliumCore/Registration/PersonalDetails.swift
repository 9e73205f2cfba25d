/// Step 1 of registration, checked: who registers, the patient, the family member if any, and where the patient lives.
public struct PersonalDetails: Codable, Equatable, Sendable {
    /// The family member acting for the patient, and on what authority.
    public struct Proxy: Codable, Equatable, Sendable {
        public var firstName: String
        public var lastName: String
        public var relationship: Relationship
        public var authority: ProxyAuthority

        public init(firstName: String, lastName: String, relationship: Relationship, authority: ProxyAuthority) {
            self.firstName = firstName
            self.lastName = lastName
            self.relationship = relationship
            self.authority = authority
        }
    }

    public var registrant: Registrant
    public var patientFirstName: String
    public var patientLastName: String
    public var dateOfBirth: CalendarDate
    public var sex: AdministrativeSex
    public var proxy: Proxy?
    public var country: String
    /// The U.S. state's postal code; empty outside the United States.
    public var state: String
    /// The patient's preferred language, an ISO 639 code of `SpokenLanguages`.
    public var preferredLanguage: String
    /// Whether telephone calls about the patient need an interpreter.
    public var interpreterNeeded: Bool

    public init(
        registrant: Registrant, patientFirstName: String, patientLastName: String, dateOfBirth: CalendarDate, sex: AdministrativeSex,
        proxy: Proxy?, country: String, state: String, preferredLanguage: String = "en", interpreterNeeded: Bool = false
    ) {
        self.preferredLanguage = preferredLanguage
        self.interpreterNeeded = interpreterNeeded
        self.registrant = registrant
        self.patientFirstName = patientFirstName
        self.patientLastName = patientLastName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.proxy = proxy
        self.country = country
        self.state = state
    }

    /// The person who signs the agreement: the patient, or the family member for them.
    public var signerFirstName: String { proxy?.firstName ?? patientFirstName }
    public var signerLastName: String { proxy?.lastName ?? patientLastName }

    /// The names a password must not contain.
    public var names: [String] {
        [patientFirstName, patientLastName, proxy?.firstName, proxy?.lastName].compactMap { $0 }
    }

    private enum CodingKeys: String, CodingKey {
        case registrant, patientFirstName, patientLastName, dateOfBirth, sex, proxy, country, state, preferredLanguage, interpreterNeeded
    }

    /// A draft kept from before the language questions existed reads as English, no interpreter.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            registrant: try container.decode(Registrant.self, forKey: .registrant),
            patientFirstName: try container.decode(String.self, forKey: .patientFirstName),
            patientLastName: try container.decode(String.self, forKey: .patientLastName),
            dateOfBirth: try container.decode(CalendarDate.self, forKey: .dateOfBirth),
            sex: try container.decode(AdministrativeSex.self, forKey: .sex),
            proxy: try container.decodeIfPresent(Proxy.self, forKey: .proxy),
            country: try container.decode(String.self, forKey: .country), state: try container.decode(String.self, forKey: .state),
            preferredLanguage: try container.decodeIfPresent(String.self, forKey: .preferredLanguage) ?? "en",
            interpreterNeeded: try container.decodeIfPresent(Bool.self, forKey: .interpreterNeeded) ?? false)
    }
}

/// The fields of step 1 as typed, before checking.
public struct PersonalDetailsInput: Codable, Equatable, Sendable {
    public var registrant = ""
    public var patientFirstName = ""
    public var patientLastName = ""
    public var birthDay = ""
    public var birthMonth = ""
    public var birthYear = ""
    public var sex = ""
    public var proxyFirstName = ""
    public var proxyLastName = ""
    public var relationship = ""
    public var authority = ""
    public var country = ""
    public var state = ""
    public var preferredLanguage = ""
    /// "yes" or "no".
    public var interpreter = ""

    private enum CodingKeys: String, CodingKey {
        case registrant, patientFirstName, patientLastName, birthDay, birthMonth, birthYear, sex, proxyFirstName, proxyLastName
        case relationship, authority, country, state, preferredLanguage, interpreter
    }

    /// A field missing from a kept draft (one saved before the field existed) reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func typed(_ key: CodingKeys) throws -> String { try container.decodeIfPresent(String.self, forKey: key) ?? "" }
        registrant = try typed(.registrant)
        patientFirstName = try typed(.patientFirstName)
        patientLastName = try typed(.patientLastName)
        birthDay = try typed(.birthDay)
        birthMonth = try typed(.birthMonth)
        birthYear = try typed(.birthYear)
        sex = try typed(.sex)
        proxyFirstName = try typed(.proxyFirstName)
        proxyLastName = try typed(.proxyLastName)
        relationship = try typed(.relationship)
        authority = try typed(.authority)
        country = try typed(.country)
        state = try typed(.state)
        preferredLanguage = try typed(.preferredLanguage)
        interpreter = try typed(.interpreter)
    }

    public init() {}
}

/// The fields of step 1, named as the form names them.
public enum PersonalField: String, CaseIterable, Sendable {
    case registrant, patientFirstName, patientLastName, dateOfBirth, sex
    case proxyFirstName, proxyLastName, relationship, authority, country, state, preferredLanguage, interpreter
}
