import ConsiliumCore
import Foundation

/// The account notices, worded plainly and carrying no health information: a sentence and a link.
struct AccountMail: Sendable {
    let baseURL: URL
    let site: SiteContext

    func link(_ path: String, token: String) -> String {
        baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path + "?token=" + token
    }

    func verifyEmail(to address: String, token: String) -> MailMessage {
        MailMessage(
            to: address, subject: "Confirm your email address for \(site.serviceName)",
            body: """
                Hello,

                Please confirm your email address by opening this link:

                \(link("/verify-email", token: token))

                The link works once and expires in 24 hours. If you did not create an account with \(site.serviceName), you can ignore this message.
                \(site.mailSignature)
                """, kind: .verifyEmail)
    }

    func passwordReset(to address: String, token: String) -> MailMessage {
        MailMessage(
            to: address, subject: "Reset your \(site.serviceName) password",
            body: """
                Hello,

                Someone, probably you, asked to reset the password of your account. To choose a new password, open this link:

                \(link("/reset-password", token: token))

                The link works once and expires in one hour. If you did not ask for this, you can ignore this message: your password has not changed.
                \(site.mailSignature)
                """, kind: .passwordReset)
    }

    func staffInvitation(to address: String, role: Role, invitedBy: String, token: String) -> MailMessage {
        MailMessage(
            to: address, subject: "You are invited to \(site.serviceName)",
            body: """
                Hello,

                \(invitedBy) has invited you to join \(site.serviceName) as \(role.article) \(role.displayName.lowercased()).

                To accept, open this link, choose your password and set up two-step sign-in with an authenticator app on your phone:

                \(link("/invitation", token: token))

                The link works once and expires in 7 days. If you did not expect this invitation, you can ignore this message.
                \(site.mailSignature)
                """, kind: .staffInvitation)
    }

    /// What changed in the account's two-step sign-in, said so that its owner notices if it was not them.
    enum TwoFactorChange: Sendable {
        case turnedOn, turnedOff, resetByAdministrator, recoveryCodeUsed(left: Int), recoveryCodesRenewed

        /// The subject line, naming the account's service: "... for your Consilium account".
        func subject(service: String) -> String {
            switch self {
            case .turnedOn: "Two-step sign-in was turned on for your \(service) account"
            case .turnedOff: "Two-step sign-in was turned off for your \(service) account"
            case .resetByAdministrator: "Two-step sign-in was reset for your \(service) account"
            case .recoveryCodeUsed: "A recovery code was used to sign in to your \(service) account"
            case .recoveryCodesRenewed: "New recovery codes were made for your \(service) account"
            }
        }

        var sentence: String {
            switch self {
            case .turnedOn:
                "Two-step sign-in was just turned on for your account: signing in now also needs a code from your authenticator app."
            case .turnedOff: "Two-step sign-in was just turned off for your account: your password alone now signs you in."
            case .resetByAdministrator:
                "At your request, two-step sign-in was reset for your account: you will set up your authenticator app again at your next sign-in, and you have been signed out everywhere."
            case .recoveryCodeUsed(let left):
                "Someone signed in to your account with one of your recovery codes instead of a code from your authenticator app. \(left) of your 10 codes \(left == 1 ? "is" : "are") left."
            case .recoveryCodesRenewed: "New recovery codes were made for your account; the old ones no longer work."
            }
        }
    }

    func twoFactorChanged(to address: String, _ change: TwoFactorChange) -> MailMessage {
        MailMessage(
            to: address, subject: change.subject(service: site.serviceName),
            body: """
                Hello,

                \(change.sentence)

                If this was not you, please call us at \(site.servicePhone) straight away.
                \(site.mailSignature)
                """, kind: .securityNotice)
    }

    func passwordChanged(to address: String) -> MailMessage {
        MailMessage(
            to: address, subject: "Your \(site.serviceName) password was changed",
            body: """
                Hello,

                The password of your account was just changed, and every other place where you were signed in has been signed out.

                If you did not do this, please call us at \(site.servicePhone) straight away.
                \(site.mailSignature)
                """, kind: .passwordChanged)
    }

    func registrationAttempt(to address: String) -> MailMessage {
        MailMessage(
            to: address, subject: "Someone tried to register with your email address",
            body: """
                Hello,

                Someone just tried to create a new \(site.serviceName) account with this email address, which already has an account. No new account was created.

                If it was you, you can sign in here:

                \(baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))/signin

                If you have forgotten your password, use "Forgot your password?" on that page. If it was not you, you can ignore this message.
                \(site.mailSignature)
                """, kind: .registrationAttempt)
    }
}
