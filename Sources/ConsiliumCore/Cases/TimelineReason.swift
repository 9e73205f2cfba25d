/// Why a request moved, when the service itself says it: the words stored with the move (in
/// English, the record's own language, so stored history never changes with a catalog), and the
/// message a reader's page shows them with. A reason a person typed is shown as typed.
public enum TimelineReason: String, CaseIterable, Sendable {
    case caseOpened = "Case opened"
    case physicianConfirmed = "Confirmed as the patient's treating physician"
    case physicianDeclined = "Not this physician's patient"
    case physicianRenamed = "Another treating physician named"
    case reviewBegins = "Records complete; review begins"
    case informationRequested = "More information requested"
    case notSuitable = "Not suitable for a remote opinion"
    case informationSent = "Information sent"
    case moreRecordsSent = "More records sent"
    case reportSigned = "Report signed"
    case reportReleased = "Report released"
    case caseClosed = "Case closed"

    /// `timeline-reason-caseOpened`, …
    public var message: Message { Message("timeline-reason-\(self)") }

    /// A consultant named: "Assigned to Helen Park".
    public static let assignedPrefix = "Assigned to "
    public static let reassignedPrefix = "Reassigned to "

    /// The message for a stored reason the service wrote, nil for one a person typed.
    public static func message(for stored: String) -> Message? {
        if let reason = TimelineReason(rawValue: stored) { return reason.message }
        for (prefix, id) in [(assignedPrefix, "timeline-reason-assigned"), (reassignedPrefix, "timeline-reason-reassigned")]
        where stored.hasPrefix(prefix) {
            return Message(id, ["name": .text(String(stored.dropFirst(prefix.count)))])
        }
        return nil
    }
}
