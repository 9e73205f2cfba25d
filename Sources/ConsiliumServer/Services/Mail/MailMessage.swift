/// A notice to one person. It carries no health information: a generic sentence and a link.
struct MailMessage: Sendable, Equatable {
    /// What kind of notice it is; stored with the message.
    enum Kind: String, Sendable {
        case verifyEmail = "verify_email"
        case passwordReset = "password_reset"
        case passwordChanged = "password_changed"
        case registrationAttempt = "registration_attempt"
        case caseInvitation = "case_invitation"
        case caseUpdate = "case_update"
        case caseAssigned = "case_assigned"
        case reportReleased = "report_released"
        case followUpQuestion = "follow_up_question"
        case physicianRejected = "physician_rejected"
        case staffInvitation = "staff_invitation"
        case securityNotice = "security_notice"
        case test
    }

    var to: String
    var subject: String
    var body: String
    var kind: Kind
}
