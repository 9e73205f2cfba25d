import ConsiliumCore
import Foundation

/// Case notices: a sentence and a link, never health information, in the recipient's language.
struct CaseMail: Sendable {
    let baseURL: URL
    let site: SiteContext
    let messages: Messages

    private var base: String { baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }

    private func words(_ language: Language) -> MailWords { MailWords(messages: messages, language: language, site: site) }

    /// To a physician named by a patient, in the language of the patient's side: the physician
    /// has no account yet, and the patient chose whom to write to.
    func physicianInvitation(to address: String, token: String, in language: Language = .english) -> MailMessage {
        let words = words(language)
        return MailMessage(
            to: address, subject: words("mail-physician-invited-subject"),
            body: words.body(
                words("mail-physician-invited-sentence"), words("mail-physician-invited-open"),
                "\(base)/cases/join/invite?token=\(token)", words("mail-physician-invited-after")),
            kind: .caseInvitation)
    }

    /// Something changed in a request: worded for the patient's side, or for the treating
    /// physician, whose request it is not.
    func caseUpdated(to address: String, caseID: UUID, forPhysician: Bool = false, in language: Language) -> MailMessage {
        let words = words(language)
        let whose = forPhysician ? "physician" : "patient"
        return MailMessage(
            to: address, subject: words("mail-case-updated-subject-\(whose)"),
            body: words.body(words("mail-case-updated-sentence-\(whose)"), "\(base)/cases/\(caseID.uuidString.lowercased())"),
            kind: .caseUpdate)
    }

    /// To the consultant who wrote the report: the treating physician has a follow-up question.
    /// The question itself stays behind the sign-in (it may carry health information).
    func followUpAsked(to address: String, caseID: UUID, in language: Language = .english) -> MailMessage {
        let words = words(language)
        return MailMessage(
            to: address, subject: words("mail-follow-up-subject"),
            body: words.body(words("mail-follow-up-sentence"), "\(base)/cases/\(caseID.uuidString.lowercased())/report"),
            kind: .followUpQuestion)
    }

    func caseAssigned(to address: String, caseID: UUID, in language: Language = .english) -> MailMessage {
        let words = words(language)
        return MailMessage(
            to: address, subject: words("mail-assigned-subject"),
            body: words.body(words("mail-assigned-sentence"), "\(base)/cases/\(caseID.uuidString.lowercased())"), kind: .caseAssigned)
    }

    func reportReleased(to address: String, caseID: UUID, in language: Language) -> MailMessage {
        let words = words(language)
        return MailMessage(
            to: address, subject: words("mail-report-ready-subject"),
            body: words.body(words("mail-report-ready-sentence"), "\(base)/cases/\(caseID.uuidString.lowercased())/report"),
            kind: .reportReleased)
    }

    func physicianRejected(to address: String, in language: Language) -> MailMessage {
        let words = words(language)
        return MailMessage(
            to: address, subject: words("mail-physician-rejected-subject"),
            body: words.body(words("mail-physician-rejected-sentence"), words("mail-physician-rejected-call")), kind: .physicianRejected)
    }
}
