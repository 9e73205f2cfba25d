/// The one role an account holds; it decides which pages and records the account may reach.
public enum Role: String, Codable, CaseIterable, Sendable {
    case patient
    case familyMember = "family_member"
    case treatingPhysician = "treating_physician"
    case consultant
    case coordinator
    case administrator

    /// The institution's roles: the service's own people, as opposed to patients, their families
    /// and outside physicians. An operator creates them from the command line, an administrator
    /// invites them; the others register themselves. (Staff, in `AccessPolicy`'s words, are the
    /// coordinators and administrators among them.)
    public static let institutionalRoles: [Role] = [.administrator, .coordinator, .consultant]

    /// Whether the role is on the institution's side.
    public var isInstitutional: Bool { Self.institutionalRoles.contains(self) }

    /// Roles that open many patients' records: a stolen password alone must not be enough, so
    /// they must turn on two-step sign-in before they see any patient's data. Others may.
    public var requiresTwoFactor: Bool { isInstitutional }

    /// A consultant is created with the specialty they review for.
    public var needsSpecialty: Bool { self == .consultant }

    /// "a" or "an", for a sentence that names the role.
    public var article: String { self == .administrator ? "an" : "a" }

    /// How the role is named to a person.
    public var displayName: String {
        switch self {
        case .patient: "Patient"
        case .familyMember: "Family member"
        case .treatingPhysician: "Treating physician"
        case .consultant: "Consultant"
        case .coordinator: "Coordinator"
        case .administrator: "Administrator"
        }
    }
}
