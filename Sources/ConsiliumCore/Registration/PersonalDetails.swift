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

    public init(
        registrant: Registrant, patientFirstName: String, patientLastName: String, dateOfBirth: CalendarDate, sex: AdministrativeSex,
        proxy: Proxy?, country: String, state: String
    ) {
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

    public init() {}
}

/// The fields of step 1, named as the form names them.
public enum PersonalField: String, CaseIterable, Sendable {
    case registrant, patientFirstName, patientLastName, dateOfBirth, sex
    case proxyFirstName, proxyLastName, relationship, authority, country, state
}
