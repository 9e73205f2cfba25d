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
    case reportAddendumSigned = "report.addendum_signed"
    case followUpAsked = "case.follow_up_asked"
    case courtesyCopyDeclinedByPhone = "consent.courtesy_copy_declined_by_phone"
    case permissionDenied = "access.denied"
    case twoFactorEnrolled = "auth.two_factor_enrolled"
    case twoFactorDisabled = "auth.two_factor_disabled"
    case recoveryCodesRegenerated = "auth.recovery_codes_regenerated"
}

/// Whether the action the event records succeeded.
public enum AuditOutcome: String, Codable, Sendable {
    case success
    case failure
    case denied
}
