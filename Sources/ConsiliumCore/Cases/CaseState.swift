/// Where a case is in the consultation. Every change of state goes through `CaseState.move`,
/// which holds the one table of allowed moves.
public enum CaseState: String, Codable, CaseIterable, Sendable {
    case draft
    case submitted
    case physicianConfirmed = "physician_confirmed"
    /// The named physician said the patient is not theirs; the patient may name another.
    case physicianDeclined = "physician_declined"
    case inReview = "in_review"
    case infoRequested = "info_requested"
    case assigned
    case reportDrafted = "report_drafted"
    case released
    case closed
    case withdrawn
    /// Not suitable for a remote opinion.
    case declined

    /// Who reads a state's name: "Waiting for your physician to confirm" is right for the
    /// patient and wrong for the physician and the coordinators.
    public enum Reader: Sendable {
        case patientSide
        case treatingPhysician
        case staff

        /// The reader's part of a state's message id.
        public var name: String {
            switch self {
            case .patientSide: "patient"
            case .treatingPhysician: "physician"
            case .staff: "staff"
            }
        }

        public init(_ role: Role) {
            switch role {
            case .patient, .familyMember: self = .patientSide
            case .treatingPhysician: self = .treatingPhysician
            case .coordinator, .consultant, .administrator: self = .staff
            }
        }
    }

    /// How the state is named to `reader`: the message `case-state-<state>-<reader>` of the
    /// catalogs ("Waiting for your physician to confirm" for the patient's side).
    public func label(for reader: Reader) -> Message {
        Message("case-state-\(rawValue)-\(reader.name)")
    }

    public func label(for role: Role) -> Message { label(for: Reader(role)) }

    public var isFinal: Bool { [.closed, .withdrawn, .declined].contains(self) }
}

/// Who makes a move, as far as the state machine cares.
public enum CaseActor: String, Codable, CaseIterable, Sendable {
    /// The patient or a family member acting for them.
    case patientSide = "patient_side"
    case treatingPhysician = "treating_physician"
    case coordinator
    case consultant

    /// The case actor a role acts as, if any; administrators act as coordinators.
    public init?(role: Role) {
        switch role {
        case .patient, .familyMember: self = .patientSide
        case .treatingPhysician: self = .treatingPhysician
        case .coordinator, .administrator: self = .coordinator
        case .consultant: self = .consultant
        }
    }
}

/// One allowed move: from a state to another, by whom.
public struct CaseMove: Hashable, Sendable {
    public let from: CaseState
    public let to: CaseState
    public let by: CaseActor
}

/// A move the table does not allow.
public struct RefusedCaseMove: Error, Equatable, Sendable {
    public let from: CaseState
    public let to: CaseState
    public let by: CaseActor
}

extension CaseState {
    /// Every allowed move, in one place.
    public static let moves: Set<CaseMove> = {
        var moves: Set<CaseMove> = []
        func allow(_ from: [CaseState], _ to: CaseState, by actors: [CaseActor]) {
            for state in from { for actor in actors { moves.insert(CaseMove(from: state, to: to, by: actor)) } }
        }
        allow([.draft], .submitted, by: [.patientSide])
        allow([.submitted], .physicianConfirmed, by: [.treatingPhysician])
        allow([.submitted], .physicianDeclined, by: [.treatingPhysician])
        allow([.physicianDeclined], .submitted, by: [.patientSide])
        allow([.draft, .submitted, .physicianDeclined, .physicianConfirmed], .withdrawn, by: [.patientSide])
        allow([.physicianConfirmed, .infoRequested], .inReview, by: [.coordinator])
        // The case returns to review when the patient's side or the physician answers or sends records.
        allow([.infoRequested], .inReview, by: [.patientSide, .treatingPhysician])
        allow([.inReview], .infoRequested, by: [.coordinator])
        allow([.inReview], .declined, by: [.coordinator])
        allow([.inReview], .assigned, by: [.coordinator])
        allow([.assigned], .assigned, by: [.coordinator])
        allow([.assigned], .reportDrafted, by: [.consultant])
        allow([.reportDrafted], .released, by: [.consultant, .coordinator])
        allow([.released], .closed, by: [.coordinator])
        return moves
    }()

    /// The state after `actor` moves the case to `target`, or the refusal.
    public func move(to target: CaseState, by actor: CaseActor) throws(RefusedCaseMove) -> CaseState {
        guard Self.moves.contains(CaseMove(from: self, to: target, by: actor)) else {
            throw RefusedCaseMove(from: self, to: target, by: actor)
        }
        return target
    }
}
