/// Administrative sex, as FHIR's AdministrativeGender codes it.
public enum AdministrativeSex: String, Codable, CaseIterable, Sendable {
    case female, male, other, unknown

    public var label: Message { Message("sex-\(rawValue)") }
}

/// Who is registering: the patient, or a family member acting for the patient.
public enum Registrant: String, Codable, CaseIterable, Sendable {
    case myself = "self"
    case familyMember = "family"

    public var label: Message { Message("registrant-\(rawValue)") }
}

/// How a family member is related to the patient.
public enum Relationship: String, Codable, CaseIterable, Sendable {
    case parent
    case spouseOrPartner = "spouse_or_partner"
    case adultChild = "adult_child"
    case sibling
    case otherRelative = "other_relative"
    case legalGuardian = "legal_guardian"

    public var label: Message { Message("relationship-\(rawValue)") }
}

/// The authority under which a family member acts for the patient.
public enum ProxyAuthority: String, Codable, CaseIterable, Sendable {
    case parentOfMinor = "parent_of_minor"
    case legalGuardian = "legal_guardian"
    case healthCareProxy = "health_care_proxy"
    case familyWithPermission = "family_with_permission"

    public var label: Message { Message("authority-\(rawValue)") }

    /// The authority inside a sentence, after "as their": "as their health-care proxy".
    public var asTheir: Message { Message("authority-as-their-\(rawValue)") }

    /// Only a parent or a legal guardian may act for a minor.
    public var mayActForMinor: Bool { self == .parentOfMinor || self == .legalGuardian }
}
