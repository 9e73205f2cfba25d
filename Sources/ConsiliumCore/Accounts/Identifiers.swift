import Foundation
import Tagged

/// Tags that keep one kind of identifier from being passed where another is expected.
public enum IdentifierTag {
    public enum User {}
    public enum Session {}
    public enum AuditEvent {}
    public enum OutboxMessage {}
    public enum Patient {}
}

public typealias UserID = Tagged<IdentifierTag.User, UUID>
public typealias AuditEventID = Tagged<IdentifierTag.AuditEvent, UUID>
public typealias OutboxMessageID = Tagged<IdentifierTag.OutboxMessage, UUID>
public typealias PatientID = Tagged<IdentifierTag.Patient, UUID>
