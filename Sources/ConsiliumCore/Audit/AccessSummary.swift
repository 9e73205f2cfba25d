import Foundation

/// "Who has looked at this information", summarised for the patient: one line per person and
/// thing they did (how many times, first and last), other people's access first and the
/// patient's own side (the patient, family acting for them) apart, where it can be folded away.
public enum AccessSummary {
    /// One access, as the audit log recorded it.
    public struct Access: Sendable {
        /// Who acted, as one identity (an account id); nil for the service itself.
        public var actor: UUID?
        public var isPatientSide: Bool
        public var what: String
        public var at: Date

        public init(actor: UUID?, isPatientSide: Bool, what: String, at: Date) {
            self.actor = actor
            self.isPatientSide = isPatientSide
            self.what = what
            self.at = at
        }
    }

    /// The same person doing the same thing, counted.
    public struct Line: Sendable, Equatable {
        public var actor: UUID?
        public var what: String
        public var count: Int
        public var first: Date
        public var last: Date

        public init(actor: UUID?, what: String, count: Int, first: Date, last: Date) {
            self.actor = actor
            self.what = what
            self.count = count
            self.first = first
            self.last = last
        }
    }

    /// Lines of other people and of the patient's side, each most recent first.
    public static func lines(_ accesses: [Access]) -> (others: [Line], patientSide: [Line]) {
        struct Key: Hashable {
            let actor: UUID?
            let what: String
        }
        var others: [Key: Line] = [:]
        var own: [Key: Line] = [:]
        for access in accesses {
            let key = Key(actor: access.actor, what: access.what)
            let line = access.isPatientSide ? own[key] : others[key]
            let merged =
                line.map {
                    Line(
                        actor: $0.actor, what: $0.what, count: $0.count + 1, first: min($0.first, access.at), last: max($0.last, access.at))
                } ?? Line(actor: access.actor, what: access.what, count: 1, first: access.at, last: access.at)
            if access.isPatientSide { own[key] = merged } else { others[key] = merged }
        }
        let newestFirst = { (a: Line, b: Line) in a.last != b.last ? a.last > b.last : a.what < b.what }
        return (others.values.sorted(by: newestFirst), own.values.sorted(by: newestFirst))
    }
}
