/// Whether a record still counts. A record sent in error is marked, never erased (FHIR's
/// DocumentReference.status: current, entered-in-error).
public enum RecordStatus: String, Codable, CaseIterable, Sendable {
    case current
    case enteredInError = "entered_in_error"
}

/// Where a consultant's report stands: written, then signed (fixed), then released to its readers.
public enum ReportStatus: String, Codable, CaseIterable, Sendable {
    case draft, signed, released
}
