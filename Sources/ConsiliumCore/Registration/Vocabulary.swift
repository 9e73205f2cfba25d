/// Administrative sex, as FHIR's AdministrativeGender codes it.
public enum AdministrativeSex: String, Codable, CaseIterable, Sendable {
    case female, male, other, unknown

    public var label: String {
        switch self {
        case .female: "Female"
        case .male: "Male"
        case .other: "Other"
        case .unknown: "Unknown, or prefer not to say"
        }
    }
}

/// Who is registering: the patient, or a family member acting for the patient.
public enum Registrant: String, Codable, CaseIterable, Sendable {
    case myself = "self"
    case familyMember = "family"

    public var label: String {
        switch self {
        case .myself: "Myself: I am the patient"
        case .familyMember: "A family member: I am acting for the patient"
        }
    }
}

/// How a family member is related to the patient.
public enum Relationship: String, Codable, CaseIterable, Sendable {
    case parent
    case spouseOrPartner = "spouse_or_partner"
    case adultChild = "adult_child"
    case sibling
    case otherRelative = "other_relative"
    case legalGuardian = "legal_guardian"

    public var label: String {
        switch self {
        case .parent: "Parent"
        case .spouseOrPartner: "Spouse or partner"
        case .adultChild: "Son or daughter"
        case .sibling: "Brother or sister"
        case .otherRelative: "Other relative"
        case .legalGuardian: "Legal guardian (not a relative)"
        }
    }
}

/// The authority under which a family member acts for the patient.
public enum ProxyAuthority: String, Codable, CaseIterable, Sendable {
    case parentOfMinor = "parent_of_minor"
    case legalGuardian = "legal_guardian"
    case healthCareProxy = "health_care_proxy"
    case familyWithPermission = "family_with_permission"

    public var label: String {
        switch self {
        case .parentOfMinor: "Parent of a patient under 18"
        case .legalGuardian: "Legal guardian"
        case .healthCareProxy: "Health-care proxy or power of attorney"
        case .familyWithPermission: "Family member acting with the patient's permission"
        }
    }

    /// The authority inside a sentence, after "as their": "as their health-care proxy".
    public var asTheir: String {
        switch self {
        case .parentOfMinor: "parent"
        case .legalGuardian: "legal guardian"
        case .healthCareProxy: "health-care proxy or holder of a power of attorney"
        case .familyWithPermission: "family member, with their permission"
        }
    }

    /// Only a parent or a legal guardian may act for a minor.
    public var mayActForMinor: Bool { self == .parentOfMinor || self == .legalGuardian }
}
