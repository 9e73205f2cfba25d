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
