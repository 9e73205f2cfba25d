import Foundation

/// Case notices: a sentence and a link, never health information.
struct CaseMail: Sendable {
    let baseURL: URL
    let site: SiteContext

    private var base: String { baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }

    func physicianInvitation(to address: String, token: String) -> MailMessage {
        MailMessage(
            to: address, subject: "A patient has asked you to take part in a second-opinion consultation",
            body: """
                Hello,

                One of your patients has asked for a second opinion through \(site.serviceName), a service of \(site.institutionName), and named you as their treating physician.

                To see the request, sign in (or register as a treating physician) with this link:

                \(base)/cases/join/invite?token=\(token)

                The link works for 30 days. If you are not this patient's physician, you can say so after signing in.
                \(site.mailSignature)
                """, kind: .caseInvitation)
    }

    /// Something changed in a request: worded for the patient's side, or for the treating
    /// physician, whose request it is not.
    func caseUpdated(to address: String, caseID: UUID, forPhysician: Bool = false) -> MailMessage {
        let whose = forPhysician ? "a second-opinion request of your patient" : "your second-opinion request"
        return MailMessage(
            to: address, subject: "There is news about \(whose)",
            body: """
                Hello,

                Something has changed in \(whose). Please sign in to see it:

                \(base)/cases/\(caseID.uuidString.lowercased())
                \(site.mailSignature)
                """, kind: .caseUpdate)
    }

    /// To the consultant who wrote the report: the treating physician has a follow-up question.
    /// The question itself stays behind the sign-in (it may carry health information).
    func followUpAsked(to address: String, caseID: UUID) -> MailMessage {
        MailMessage(
            to: address, subject: "A follow-up question on a report you signed",
            body: """
                Hello,

                The treating physician has asked a follow-up question about a consultation report you signed. Please sign in to read it and answer with a signed addendum:

                \(base)/cases/\(caseID.uuidString.lowercased())/report
                \(site.mailSignature)
                """, kind: .followUpQuestion)
    }

    func caseAssigned(to address: String, caseID: UUID) -> MailMessage {
        MailMessage(
            to: address, subject: "A second-opinion case has been assigned to you",
            body: """
                Hello,

                A case has been assigned to you for review. Please sign in to see it:

                \(base)/cases/\(caseID.uuidString.lowercased())
                \(site.mailSignature)
                """, kind: .caseAssigned)
    }

    func reportReleased(to address: String, caseID: UUID) -> MailMessage {
        MailMessage(
            to: address, subject: "The specialist's report is ready",
            body: """
                Hello,

                The specialist's report on a second-opinion request is ready. Please sign in to read it:

                \(base)/cases/\(caseID.uuidString.lowercased())/report
                \(site.mailSignature)
                """, kind: .reportReleased)
    }

    func physicianRejected(to address: String) -> MailMessage {
        MailMessage(
            to: address, subject: "We could not verify your \(site.serviceName) registration",
            body: """
                Hello,

                We were not able to verify your registration as a treating physician, so your account cannot be used to take part in consultations.

                If you think this is a mistake, please call us at \(site.servicePhone).
                \(site.mailSignature)
                """, kind: .physicianRejected)
    }
}
