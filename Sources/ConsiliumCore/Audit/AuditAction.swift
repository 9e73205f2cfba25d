/// What an audit event records. The names are stable: reports and exports rely on them.
public enum AuditAction: String, Codable, CaseIterable, Sendable {
    case signIn = "auth.sign_in"
    case signInFailed = "auth.sign_in_failed"
    case signInThrottled = "auth.sign_in_throttled"
    case signOut = "auth.sign_out"
    case passwordChanged = "auth.password_changed"
    case passwordResetRequested = "auth.password_reset_requested"
    case passwordReset = "auth.password_reset"
    case emailVerified = "auth.email_verified"
    case userCreated = "admin.user_created"
    case registered = "account.registered"
    case registrationWithTakenEmail = "account.registration_email_taken"
    case patientAdded = "patient.added"
    case consentSigned = "consent.signed"
    case agreementPublished = "admin.agreement_published"
    case physicianRegistered = "physician.registered"
    case physicianVerified = "physician.verified"
    case physicianRejected = "physician.rejected"
    case caseOpened = "case.opened"
    case caseViewed = "case.viewed"
    case caseStateChanged = "case.state_changed"
    case caseJoinAttempt = "case.join_attempt"
    case recordUploaded = "record.uploaded"
    case recordRefused = "record.refused"
    case recordViewed = "record.viewed"
    case recordDownloaded = "record.downloaded"
    case recordEnteredInError = "record.entered_in_error"
    case reportViewed = "report.viewed"
    case reportDraftSaved = "report.draft_saved"
    case reportAddendumSigned = "report.addendum_signed"
    case followUpAsked = "case.follow_up_asked"
    case courtesyCopyDeclinedByPhone = "consent.courtesy_copy_declined_by_phone"
    case permissionDenied = "access.denied"
    case twoFactorEnrolled = "auth.two_factor_enrolled"
    case twoFactorDisabled = "auth.two_factor_disabled"
    case recoveryCodesRegenerated = "auth.recovery_codes_regenerated"
    case settingsChanged = "admin.settings_changed"
    case userInvited = "admin.user_invited"
    case invitationAccepted = "account.invitation_accepted"
    case roleChanged = "admin.role_changed"
    case userDisabled = "admin.user_disabled"
    case userEnabled = "admin.user_enabled"
    case twoFactorReset = "admin.two_factor_reset"
    case auditSearched = "admin.audit_searched"
    case auditExported = "admin.audit_exported"
    case accountViewed = "account.viewed"
    case caseAccessLogViewed = "case.access_log_viewed"
    case letterViewed = "case.letter_viewed"
    case caseQueueViewed = "staff.case_queue_viewed"
    case contactViewed = "contact.viewed"
    case contactUpdated = "contact.updated"
    case masterKeysRotated = "admin.master_keys_rotated"
}

/// Whether the action the event records succeeded.
public enum AuditOutcome: String, Codable, Sendable {
    case success
    case failure
    case denied
}

extension AuditAction {
    /// What happened, in words an administrator reads in the log and picks from the filter.
    public var wording: String {
        switch self {
        case .signIn: "Signed in"
        case .signInFailed: "Failed to sign in"
        case .signInThrottled: "Sign-in paused after repeated failures"
        case .signOut: "Signed out"
        case .passwordChanged: "Changed their password"
        case .passwordResetRequested: "Asked to reset their password"
        case .passwordReset: "Reset their password"
        case .emailVerified: "Confirmed their email address"
        case .userCreated: "Account created"
        case .registered: "Registered"
        case .registrationWithTakenEmail: "Tried to register with an email address already in use"
        case .patientAdded: "Added a patient"
        case .consentSigned: "Signed the agreement"
        case .agreementPublished: "Published an agreement version"
        case .physicianRegistered: "Registered as a physician"
        case .physicianVerified: "Verified a physician"
        case .physicianRejected: "Rejected a physician"
        case .caseOpened: "Opened a request"
        case .caseViewed: "Looked at a request"
        case .caseStateChanged: "Moved a request on"
        case .caseJoinAttempt: "Tried to join a request"
        case .recordUploaded: "Sent a record"
        case .recordRefused: "Had a record refused"
        case .recordViewed: "Looked at the records"
        case .recordDownloaded: "Downloaded a record"
        case .recordEnteredInError: "Marked a record as sent in error"
        case .reportViewed: "Looked at the report"
        case .reportDraftSaved: "Saved the report's draft"
        case .reportAddendumSigned: "Signed an addendum to the report"
        case .followUpAsked: "Asked a follow-up question"
        case .courtesyCopyDeclinedByPhone: "Recorded a courtesy copy declined by telephone"
        case .permissionDenied: "Was refused access"
        case .twoFactorEnrolled: "Turned two-step sign-in on"
        case .twoFactorDisabled: "Turned two-step sign-in off"
        case .recoveryCodesRegenerated: "Made new recovery codes"
        case .settingsChanged: "Changed the service's settings"
        case .userInvited: "Invited a member of staff"
        case .invitationAccepted: "Accepted an invitation"
        case .roleChanged: "Changed an account's role"
        case .userDisabled: "Disabled an account"
        case .userEnabled: "Enabled an account"
        case .twoFactorReset: "Reset an account's two-step sign-in"
        case .auditSearched: "Searched the audit log"
        case .auditExported: "Downloaded the audit log"
        case .accountViewed: "Looked at their account"
        case .caseAccessLogViewed: "Looked at who has seen a request"
        case .letterViewed: "Looked at the physician's letter"
        case .caseQueueViewed: "Looked at the case queue"
        case .contactViewed: "Looked at contact details"
        case .contactUpdated: "Changed contact details"
        case .masterKeysRotated: "Retired older master keys"
        }
    }
}

/// "1 case", "3 cases": a count with its noun in the right number.
public enum Plural {
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}

extension Plural {
    /// "a", "a and b", "a, b, and c": a list in a sentence, with the serial comma of American usage.
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
        }
    }
}
