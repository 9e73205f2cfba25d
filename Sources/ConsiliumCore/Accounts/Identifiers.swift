import Foundation
import Tagged

/// Tags that keep one kind of identifier from being passed where another is expected.
public enum IdentifierTag {
    public enum User {}
    public enum Session {}
    public enum AuditEvent {}
    public enum OutboxMessage {}
    public enum Patient {}
    public enum Case {}
    public enum Record {}
    public enum Report {}
    public enum Invitation {}
}

public typealias UserID = Tagged<IdentifierTag.User, UUID>
public typealias AuditEventID = Tagged<IdentifierTag.AuditEvent, UUID>
public typealias OutboxMessageID = Tagged<IdentifierTag.OutboxMessage, UUID>
public typealias PatientID = Tagged<IdentifierTag.Patient, UUID>
public typealias CaseID = Tagged<IdentifierTag.Case, UUID>
public typealias RecordID = Tagged<IdentifierTag.Record, UUID>
public typealias ReportID = Tagged<IdentifierTag.Report, UUID>
/// A case invitation (the emailed link for the named physician).
public typealias InvitationID = Tagged<IdentifierTag.Invitation, UUID>
