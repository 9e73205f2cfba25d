/// Who may do what, in one table. Handlers ask it; none compares roles itself.
///
/// Two halves: what a role may do anywhere (`Capability`: open a case, use the staff area,
/// administer the service, ...), and what a person may do to one case they can see
/// (`CaseAction`), which depends on how they stand to it (`Relation`) and on the case's state
/// and report (`CaseFacts`). A case a person cannot see at all is never asked about: the query
/// that loads it is already scoped by `caseScope(for:)`, and it is a 404.
///
/// Words used throughout: **staff** are coordinators and administrators (they run the queue,
/// verify physicians, act on cases); **the institution** is everyone on the service's side
/// (staff and consultants).
public enum AccessPolicy {
    /// What a role may do, whatever case is involved.
    public enum Capability: String, CaseIterable, Sendable {
        /// Open a request for a patient one acts for.
        case openCase = "open_case"
        /// Add another patient to one's account (a family member acting for several).
        case addPatient = "add_patient"
        /// Join a patient's request as their treating physician.
        case joinCase = "join_case"
        /// Keep postal address and telephone on one's account (the patient's side).
        case keepContactDetails = "keep_contact_details"
        /// Accept each new version of the patient agreement before anything else.
        case acceptAgreement = "accept_agreement"
        /// Turn two-step sign-in on and off at will (for the institution it is required).
        case chooseTwoFactor = "choose_two_factor"
        /// The staff area: the case queue, physician verification, actions on cases.
        case useStaffArea = "use_staff_area"
        /// The administration console: settings, agreements, people, the audit log.
        case administer
    }

    /// How a person stands to a case they can see.
    public enum Relation: String, CaseIterable, Sendable {
        case patient
        case familyMember = "family_member"
        /// The confirmed treating physician.
        case treatingPhysician = "treating_physician"
        /// The consultant the case is assigned to.
        case assignedConsultant = "assigned_consultant"
        case coordinator
        case administrator

        /// The relation of a role to a case the scoped query let them see.
        public init(role: Role) {
            switch role {
            case .patient: self = .patient
            case .familyMember: self = .familyMember
            case .treatingPhysician: self = .treatingPhysician
            case .consultant: self = .assignedConsultant
            case .coordinator: self = .coordinator
            case .administrator: self = .administrator
            }
        }

        /// The patient, or a family member acting for them.
        public var isPatientSide: Bool { self == .patient || self == .familyMember }

        /// Whether a coordinator's message addressed to `audience` ("patient", "physician" or
        /// "both") is for this person: each side reads its own, the institution reads all.
        public func reads(messagesTo audience: String) -> Bool {
            switch self {
            case .patient, .familyMember: audience == "patient" || audience == "both"
            case .treatingPhysician: audience == "physician" || audience == "both"
            case .assignedConsultant, .coordinator, .administrator: true
            }
        }

        /// Who moves the case, as the state machine knows them.
        public var caseActor: CaseActor {
            switch self {
            case .patient, .familyMember: .patientSide
            case .treatingPhysician: .treatingPhysician
            case .assignedConsultant: .consultant
            case .coordinator, .administrator: .coordinator
            }
        }
    }

    /// What may be done to a case.
    public enum CaseAction: String, CaseIterable, Sendable {
        case viewCase = "view_case"
        /// The printable letter the patient gives their physician.
        case viewLetter = "view_letter"
        /// "Who has looked at this information".
        case viewAccessLog = "view_access_log"
        /// Name another physician after the first declined.
        case renamePhysician = "rename_physician"
        /// Answer a coordinator's request for more information.
        case answerRequest = "answer_request"
        case listRecords = "list_records"
        case sendRecords = "send_records"
        /// View or download a current record.
        case openRecord = "open_record"
        /// Mark one's own record as entered in error.
        case removeRecord = "remove_record"
        /// See that a DICOM file names another patient.
        case seeRecordMismatch = "see_record_mismatch"
        case viewReport = "view_report"
        /// Save and sign the report while it is a draft.
        case writeReport = "write_report"
        case releaseReport = "release_report"
        /// Sign a correction or a follow-up answer beneath a signed report.
        case signAddendum = "sign_addendum"
        case askFollowUp = "ask_follow_up"
        /// Coordinators' actions: complete, ask for information, decline, assign, opt-outs, close.
        case coordinate
    }

    /// Where a case's report stands.
    public enum ReportStage: String, Sendable {
        case none, draft, signed, released
    }

    /// What the rules look at, besides the relation.
    public struct CaseFacts: Sendable {
        public var state: CaseState
        public var report: ReportStage
        /// The patient keeps the courtesy copy of the report.
        public var courtesyCopy: Bool
        /// The person wrote the case's report (a consultant reassigned away did not).
        public var wroteReport: Bool
        /// The person sent the record in question.
        public var sentRecord: Bool

        public init(
            state: CaseState, report: ReportStage = .none, courtesyCopy: Bool = true, wroteReport: Bool = false, sentRecord: Bool = false
        ) {
            self.state = state
            self.report = report
            self.courtesyCopy = courtesyCopy
            self.wroteReport = wroteReport
            self.sentRecord = sentRecord
        }
    }

    /// The answer to a question about a case.
    public enum Decision: String, Sendable, Equatable {
        case allowed
        /// Not this person's to do: answered as if there were nothing here (404).
        case hidden
        /// Theirs to do in principle, but not to this object or not in this state (403).
        case refused
        /// Theirs to do, but not at this point of the case (409).
        case notNow = "not_now"
    }

    /// One row of the table: who may, and when; what anyone else is told.
    public struct Rule: Sendable {
        public let relations: Set<Relation>
        /// The condition in words, for the printed table.
        public let when: String
        let holds: @Sendable (Relation, CaseFacts) -> Bool
        /// For someone in `relations` when the condition does not hold.
        public let otherwise: Decision
        /// For someone not in `relations`.
        public let outsider: Decision
    }

    /// Case states in which records may be sent, and in which a sender may still remove theirs.
    public static let recordSendingStates: Set<CaseState> = [
        .submitted, .physicianConfirmed, .physicianDeclined, .inReview, .infoRequested,
    ]
    public static let recordRemovingStates: Set<CaseState> = [.submitted, .physicianConfirmed, .physicianDeclined]

    static let everyone = Set(Relation.allCases)
    static let patientSide: Set<Relation> = [.patient, .familyMember]
    static let staff: Set<Relation> = [.coordinator, .administrator]

    /// The whole table of case actions.
    public static let caseRules: [CaseAction: Rule] = {
        func rule(
            _ relations: Set<Relation>, when: String = "always", otherwise: Decision = .hidden, outsider: Decision = .hidden,
            _ holds: @escaping @Sendable (CaseFacts) -> Bool = { _ in true }
        ) -> Rule {
            Rule(relations: relations, when: when, holds: { _, facts in holds(facts) }, otherwise: otherwise, outsider: outsider)
        }
        /// A rule whose condition differs by relation.
        func rule(
            _ relations: Set<Relation>, when: String, otherwise: Decision = .hidden,
            byRelation holds: @escaping @Sendable (Relation, CaseFacts) -> Bool
        ) -> Rule {
            Rule(relations: relations, when: when, holds: holds, otherwise: otherwise, outsider: .hidden)
        }
        return [
            .viewCase: rule(everyone),
            .viewLetter: rule(patientSide.union(staff).union([.treatingPhysician])),
            .viewAccessLog: rule(patientSide),
            .renamePhysician: rule(patientSide, when: "the physician declined", otherwise: .notNow, outsider: .notNow) {
                $0.state == .physicianDeclined
            },
            .answerRequest: rule(
                patientSide.union([.treatingPhysician]), when: "information was requested", otherwise: .notNow, outsider: .notNow
            ) { $0.state == .infoRequested },
            .listRecords: rule(everyone),
            .sendRecords: rule(
                patientSide.union([.treatingPhysician]), when: "before a consultant has it", otherwise: .refused, outsider: .refused
            ) { recordSendingStates.contains($0.state) },
            .openRecord: rule(everyone),
            .removeRecord: rule(
                patientSide.union([.treatingPhysician]), when: "their own record, before review", otherwise: .refused,
                outsider: .refused
            ) { $0.sentRecord && recordRemovingStates.contains($0.state) },
            .seeRecordMismatch: rule([.treatingPhysician, .assignedConsultant, .coordinator, .administrator]),
            .viewReport: rule(
                everyone,
                when: "consultant: their own report; staff: once begun; physician: released; patient's side: released with a courtesy copy",
                byRelation: mayViewReport),
            .writeReport: rule([.assignedConsultant], when: "their own report, while a draft", otherwise: .notNow) {
                $0.wroteReport && $0.report == .draft
            },
            .releaseReport: rule(
                staff.union([.assignedConsultant]), when: "signed, not yet released (a consultant: their own)", otherwise: .notNow,
                byRelation: { relation, facts in facts.report == .signed && (relation != .assignedConsultant || facts.wroteReport) }),
            .signAddendum: rule([.assignedConsultant], when: "their own report, once signed", otherwise: .notNow) {
                $0.wroteReport && ($0.report == .signed || $0.report == .released)
            },
            .askFollowUp: rule([.treatingPhysician], when: "the report is released") { $0.report == .released },
            .coordinate: rule(staff),
        ]
    }()

    /// May a person standing in `relation` to a case do `action`, given `facts`?
    public static func decide(_ action: CaseAction, _ relation: Relation, _ facts: CaseFacts) -> Decision {
        guard let rule = caseRules[action] else { return .hidden }
        guard rule.relations.contains(relation) else { return rule.outsider }
        return rule.holds(relation, facts) ? .allowed : rule.otherwise
    }

    public static func allows(_ action: CaseAction, _ relation: Relation, _ facts: CaseFacts) -> Bool {
        decide(action, relation, facts) == .allowed
    }

    /// The report is seen by its consultant as they write it, by staff once begun, by the
    /// physician once released, and by the patient's side once released unless they declined
    /// the courtesy copy.
    static func mayViewReport(_ relation: Relation, _ facts: CaseFacts) -> Bool {
        switch relation {
        case .assignedConsultant: facts.wroteReport || facts.report == .none
        case .coordinator, .administrator: facts.report != .none
        case .treatingPhysician: facts.report == .released
        case .patient, .familyMember: facts.report == .released && facts.courtesyCopy
        }
    }

    /// The roles holding each capability.
    public static let capabilities: [Capability: Set<Role>] = [
        .openCase: [.patient, .familyMember],
        .addPatient: [.familyMember],
        .joinCase: [.treatingPhysician],
        .keepContactDetails: [.patient, .familyMember],
        .acceptAgreement: [.patient, .familyMember],
        .chooseTwoFactor: Set(Role.allCases.filter { !$0.requiresTwoFactor }),
        .useStaffArea: [.coordinator, .administrator],
        .administer: [.administrator],
    ]

    public static func allows(_ role: Role, _ capability: Capability) -> Bool {
        capabilities[capability]?.contains(role) ?? false
    }

    /// Which cases a role's queries may return at all.
    public enum CaseScope: Sendable, Equatable {
        /// Every case (staff).
        case all
        /// Cases of the patients the account acts for.
        case linkedPatients
        /// Cases whose confirmed treating physician is the account, once verified.
        case treatedByMe
        /// Cases assigned to the account.
        case assignedToMe
    }

    public static func caseScope(for role: Role) -> CaseScope {
        switch role {
        case .coordinator, .administrator: .all
        case .patient, .familyMember: .linkedPatients
        case .treatingPhysician: .treatedByMe
        case .consultant: .assignedToMe
        }
    }

    /// The whole policy as a table a reviewer reads: each capability and the roles that hold it,
    /// then each case action by relation, with the condition and what others are told.
    public static var printedTable: String {
        var lines = ["Capabilities (by role)"]
        for capability in Capability.allCases {
            let roles = Role.allCases.filter { allows($0, capability) }.map(\.rawValue)
            lines.append("  \(capability.rawValue): \(roles.joined(separator: ", "))")
        }
        lines.append("Case actions (by relation to a case the person can see)")
        let header = ["action"] + Relation.allCases.map(\.rawValue) + ["when", "otherwise", "others"]
        lines.append("  " + header.joined(separator: " | "))
        for action in CaseAction.allCases {
            guard let rule = caseRules[action] else { continue }
            let cells = Relation.allCases.map { rule.relations.contains($0) ? "yes" : "-" }
            let row = [action.rawValue] + cells + [rule.when, rule.otherwise.rawValue, rule.outsider.rawValue]
            lines.append("  " + row.joined(separator: " | "))
        }
        lines.append("Case scope (which cases a role's queries return)")
        for role in Role.allCases { lines.append("  \(role.rawValue): \(caseScope(for: role))") }
        return lines.joined(separator: "\n")
    }
}
