import ConsiliumCore
import Foundation

/// The account notices, worded plainly and carrying no health information: a sentence and a
/// link, in the recipient's language (`Resources/Messages`, `mail-` messages).
struct AccountMail: Sendable {
    let baseURL: URL
    let site: SiteContext
    let messages: Messages

    func link(_ path: String, token: String) -> String {
        base + path + "?token=" + token
    }

    private var base: String { baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }

    func verifyEmail(to address: String, token: String, in language: Language) -> MailMessage {
        let words = MailWords(messages: messages, language: language, site: site)
        return MailMessage(
            to: address, subject: words("mail-verify-subject"),
            body: words.body(words("mail-verify-open"), link("/verify-email", token: token), words("mail-verify-after")), kind: .verifyEmail
        )
    }

    func passwordReset(to address: String, token: String, in language: Language) -> MailMessage {
        let words = MailWords(messages: messages, language: language, site: site)
        return MailMessage(
            to: address, subject: words("mail-reset-subject"),
            body: words.body(words("mail-reset-open"), link("/reset-password", token: token), words("mail-reset-after")),
            kind: .passwordReset)
    }

    /// Staff are invited in English: their pages are in English.
    func staffInvitation(to address: String, role: Role, invitedBy: String, token: String) -> MailMessage {
        let words = MailWords(messages: messages, language: .english, site: site)
        return MailMessage(
            to: address, subject: words("mail-invitation-subject"),
            body: words.body(
                words(
                    "mail-invitation-invited",
                    ["inviter": .text(invitedBy), "role": .text("\(role.article) \(role.displayName.lowercased())")]),
                words("mail-invitation-open"), link("/invitation", token: token), words("mail-invitation-after")),
            kind: .staffInvitation)
    }

    /// What changed in the account's two-step sign-in, said so that its owner notices if it was not them.
    enum TwoFactorChange: Sendable {
        case turnedOn, turnedOff, resetByAdministrator, recoveryCodeUsed(left: Int), recoveryCodesRenewed

        /// The change's name in the catalogs: `mail-two-factor-<name>-subject` and `-sentence`.
        var name: String {
            switch self {
            case .turnedOn: "on"
            case .turnedOff: "off"
            case .resetByAdministrator: "reset"
            case .recoveryCodeUsed: "recovery-used"
            case .recoveryCodesRenewed: "recovery-renewed"
            }
        }

        var arguments: [String: MessageCatalog.Argument] {
            if case .recoveryCodeUsed(let left) = self { return ["left": .number(left), "total": .number(RecoveryCodes.count)] }
            return [:]
        }
    }

    func twoFactorChanged(to address: String, _ change: TwoFactorChange, in language: Language) -> MailMessage {
        let words = MailWords(messages: messages, language: language, site: site)
        return MailMessage(
            to: address, subject: words("mail-two-factor-\(change.name)-subject"),
            body: words.body(words("mail-two-factor-\(change.name)-sentence", change.arguments), words("mail-not-you")),
            kind: .securityNotice)
    }

    func passwordChanged(to address: String, in language: Language) -> MailMessage {
        let words = MailWords(messages: messages, language: language, site: site)
        return MailMessage(
            to: address, subject: words("mail-password-changed-subject"),
            body: words.body(words("mail-password-changed-sentence"), words("mail-password-changed-not-you")), kind: .passwordChanged)
    }

    func registrationAttempt(to address: String, in language: Language) -> MailMessage {
        let words = MailWords(messages: messages, language: language, site: site)
        return MailMessage(
            to: address, subject: words("mail-attempt-subject"),
            body: words.body(
                words("mail-attempt-sentence"), words("mail-attempt-sign-in"), base + "/signin",
                words("mail-attempt-forgot", ["forgot": .text(words("signin-forgot"))])),
            kind: .registrationAttempt)
    }
}

/// The catalogs in a recipient's language, with what every notice says: the greeting, the
/// service's name, the number to call, and the signature.
struct MailWords: Sendable {
    let messages: Messages
    let language: Language
    let site: SiteContext

    func callAsFunction(_ id: String, _ arguments: [String: MessageCatalog.Argument] = [:]) -> String {
        let common: [String: MessageCatalog.Argument] = [
            "service": .text(site.serviceName), "institution": .text(site.institutionName), "phone": .text(site.servicePhone),
        ]
        return messages.text(id, common.merging(arguments) { $1 }, in: language)
    }

    /// "Hello," then each paragraph, then the signature.
    func body(_ paragraphs: String...) -> String {
        ([self("mail-hello")] + paragraphs).joined(separator: "\n\n") + "\n" + site.mailSignature
    }
}

extension UserModel {
    /// The language mail to this person is written in: the one they chose, else English.
    var mailLanguage: Language { language.flatMap(Language.init(tag:)) ?? .english }
}
