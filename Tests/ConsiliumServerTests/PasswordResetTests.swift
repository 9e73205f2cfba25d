import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Forgotten passwords, email confirmation and password changes")
struct PasswordResetTests {
    @Test("the reset round trip: request, emailed link, new password, every session ended, token single-use")
    func roundTrip() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: the person is signed in elsewhere too
            try await Fixtures.user(dependencies)
            let elsewhere = browser.fresh()
            try await elsewhere.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(try await elsewhere.get("/account").status == .ok)
            // act: ask for a link
            try await browser.get("/forgot-password")
            let asked = try await browser.post("/forgot-password", form: [("email", "MARGARET.ellis@example.org")])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Check your email"))
            let messages = try await Fixtures.outbox(dependencies)
            #expect(messages.count == 1)
            #expect(messages[0].recipient == "margaret.ellis@example.org")
            #expect(messages[0].bodyText.contains("http://consilium.test/reset-password?token="))
            let token = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/reset-password"))
            // the link opens the form
            let form = try await browser.get("/reset-password?token=\(token)")
            #expect(form.status == .ok)
            #expect(form.text.contains("autocomplete=\"new-password\""))
            // a weak password is refused with the reason beside the field
            let weak = try await browser.post(
                "/reset-password", form: [("token", token), ("password", "short"), ("password_confirmation", "short")])
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("Use at least 8 characters."))
            #expect(weak.text.contains("aria-describedby=\"password-rules password-error\""))
            // a good one is taken
            let done = try await browser.post(
                "/reset-password",
                form: [("token", token), ("password", "Fresh-start-9183"), ("password_confirmation", "Fresh-start-9183")])
            #expect(done.status == .seeOther)
            #expect(done.location == "/signin")
            // check: the other session has ended, the new password works, the old does not
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await browser.signIn("margaret.ellis@example.org", Fixtures.password).status == .unauthorized)
            #expect(try await browser.signIn("margaret.ellis@example.org", "Fresh-start-9183").status == .seeOther)
            // the link works once
            let again = try await browser.get("/reset-password?token=\(token)")
            #expect(again.status == .notFound)
            #expect(again.text.contains("This link no longer works"))
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.contains(AuditAction.passwordResetRequested.rawValue))
            #expect(actions.contains(AuditAction.passwordReset.rawValue))
            // a notice that the password changed went out, without the password
            let notices = try await Fixtures.outbox(dependencies)
            #expect(notices.last?.kind == MailMessage.Kind.passwordChanged.rawValue)
            #expect(notices.allSatisfy { !$0.bodyText.contains("Fresh-start-9183") })
        }
    }

    @Test("a reset link posted twice at once changes the password once")
    func singleUseUnderRace() async throws {
        try await TestApp.run { browser, dependencies in
            let user = try await Fixtures.user(dependencies)
            let secret = try await EmailTokens().issue(.resetPassword, for: user.id!, in: dependencies.database.db)
            async let first = EmailTokens().redeem(secret, purpose: .resetPassword, in: dependencies.database.db)
            async let second = EmailTokens().redeem(secret, purpose: .resetPassword, in: dependencies.database.db)
            let results = try await [first, second]
            #expect(results.compactMap { $0 }.count == 1)
        }
    }

    @Test("an unregistered email gets the same page and no message")
    func unknownEmail() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.get("/forgot-password")
            let known = try await browser.post("/forgot-password", form: [("email", "margaret.ellis@example.org")])
            try await browser.get("/forgot-password")
            let unknown = try await browser.post("/forgot-password", form: [("email", "nobody@example.org")])
            #expect(known.status == unknown.status)
            #expect(known.text == unknown.text)
            #expect(try await Fixtures.outbox(dependencies).count == 1)
        }
    }

    @Test("reset requests are rate limited per account")
    func resetRateLimit() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 {
                try await browser.get("/forgot-password")
                statuses.append(try await browser.post("/forgot-password", form: [("email", "margaret.ellis@example.org")]).status)
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            #expect(try await Fixtures.outbox(dependencies).count == 3)
        }
    }

    @Test("asking for a new reset link ends the older ones, and a completed reset ends them all")
    func olderResetLinks() async throws {
        try await TestApp.run(try TestApp.configuration()) { browser, dependencies in
            let user = try await Fixtures.user(dependencies)
            var links: [String] = []
            for _ in 0..<3 {
                try await browser.get("/forgot-password")
                try await browser.post("/forgot-password", form: [("email", "margaret.ellis@example.org")])
                links.append(try #require(try await Fixtures.lastLinkToken(dependencies, path: "/reset-password")))
            }
            #expect(Set(links).count == 3)
            // the two older links already no longer open
            for old in links.prefix(2) { #expect(try await browser.get("/reset-password?token=\(old)").status == .notFound) }
            #expect(try await browser.get("/reset-password?token=\(links[2])").status == .ok)
            // a link issued outside the form (as a racing request would) ends with the completed reset
            let racing = try await EmailTokens().issue(.resetPassword, for: user.id!, in: dependencies.database.db)
            let done = try await browser.post(
                "/reset-password", form: [("token", links[2]), ("password", "Brand-new-8271"), ("password_confirmation", "Brand-new-8271")])
            #expect(done.location == "/signin")
            #expect(try await browser.get("/reset-password?token=\(racing)").status == .notFound)
            #expect(try await browser.get("/reset-password?token=\(links[2])").status == .notFound)
        }
    }

    @Test("an expired reset token opens nothing")
    func expiredToken() async throws {
        try await TestApp.run { browser, dependencies in
            let user = try await Fixtures.user(dependencies)
            let secret = try await EmailTokens().issue(
                .resetPassword, for: user.id!, in: dependencies.database.db, now: Date().addingTimeInterval(-2 * 3600))
            #expect(try await browser.get("/reset-password?token=\(secret)").status == .notFound)
        }
    }

    @Test("an emailed confirmation link confirms the address and signs the person in")
    func verification() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies, verified: false)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let account = try await browser.get("/account")
            #expect(account.text.contains("Not yet"))
            #expect(try await browser.post("/account/verify-email").location == "/account")
            let token = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/verify-email"))
            // a different browser (the mail app's) follows the link
            let other = browser.fresh()
            let page = try await other.get("/verify-email?token=\(token)")
            #expect(page.text.contains("Confirm my email address"))
            // merely opening the link spends nothing
            #expect(try await EmailTokens().peek(token, purpose: .verifyEmail, in: dependencies.database.db) != nil)
            let confirmed = try await other.post("/verify-email", form: [("token", token)])
            #expect(confirmed.location == "/account")
            let after = try await other.get("/account")
            #expect(after.status == .ok)
            #expect(after.text.contains("your email address is confirmed"))
            #expect(!after.text.contains("Not yet"))
            #expect(try await other.post("/verify-email", form: [("token", token)]).status == .notFound)
        }
    }

    @Test("a verification link only confirms the address when the account signs in in two steps")
    func verificationWithTwoFactor() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies, verified: false, twoFactor: true)
            let user = try #require(try await UserModel.query(on: dependencies.database.db).first())
            let token = try await EmailTokens().issue(.verifyEmail, for: user.id!, in: dependencies.database.db)
            try await browser.get("/verify-email?token=\(token)")
            let confirmed = try await browser.post("/verify-email", form: [("token", token)])
            #expect(confirmed.location == "/signin")
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await UserModel.find(user.id, on: dependencies.database.db)?.emailVerifiedAt != nil)
            #expect(!(try await Fixtures.auditActions(dependencies).contains(AuditAction.signIn.rawValue)))
        }
    }

    @Test("once the address is verified, a link signs nobody in; using one link ends the others")
    func verificationAfterVerified() async throws {
        try await TestApp.run { browser, dependencies in
            let user = try await Fixtures.user(dependencies, verified: false)
            let tokens = EmailTokens()
            let first = try await tokens.issue(.verifyEmail, for: user.id!, in: dependencies.database.db)
            let second = try await tokens.issue(.verifyEmail, for: user.id!, in: dependencies.database.db)
            let third = try await tokens.issue(.verifyEmail, for: user.id!, in: dependencies.database.db)
            // the first use confirms and signs in (the end of registering)
            try await browser.get("/verify-email?token=\(second)")
            #expect(try await browser.post("/verify-email", form: [("token", second)]).location == "/account")
            #expect(try await browser.get("/account").status == .ok)
            // the other links were revoked with it
            let other = browser.fresh()
            #expect(try await other.get("/verify-email?token=\(first)").status == .notFound)
            #expect(try await other.get("/verify-email?token=\(third)").status == .notFound)
            // a link issued after the address was verified confirms nothing new and signs nobody in
            let late = try await tokens.issue(.verifyEmail, for: user.id!, in: dependencies.database.db)
            try await other.get("/verify-email?token=\(late)")
            #expect(try await other.post("/verify-email", form: [("token", late)]).location == "/signin")
            #expect(try await other.get("/account").status == .seeOther)
        }
    }

    @Test("changing the password needs the current one and ends the other sessions")
    func changePassword() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            let elsewhere = browser.fresh()
            try await elsewhere.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get("/account/password")
            let wrong = try await browser.post(
                "/account/password",
                form: [("current_password", "nope"), ("password", "Brand-new-8271"), ("password_confirmation", "Brand-new-8271")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("This is not your current password."))
            #expect(wrong.text.contains("href=\"#current_password\""))
            let mismatch = try await browser.post(
                "/account/password",
                form: [
                    ("current_password", Fixtures.password), ("password", "Brand-new-8271"), ("password_confirmation", "Brand-new-8272"),
                ])
            #expect(mismatch.text.contains("The two passwords do not match."))
            let named = try await browser.post(
                "/account/password",
                form: [("current_password", Fixtures.password), ("password", "Margaret#2024"), ("password_confirmation", "Margaret#2024")])
            #expect(named.status == .badRequest)
            #expect(named.text.contains("Do not use your name or your email address"))
            let done = try await browser.post(
                "/account/password",
                form: [
                    ("current_password", Fixtures.password), ("password", "Brand-new-8271"), ("password_confirmation", "Brand-new-8271"),
                ])
            #expect(done.location == "/account")
            #expect(try await browser.get("/account").status == .ok)
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.passwordChanged.rawValue))
        }
    }

    @Test("a 100-character password counts in full, beyond Bcrypt's 72 bytes")
    func longPassword() async throws {
        try await TestApp.run { browser, dependencies in
            let long = String(repeating: "Ab1!", count: 25)
            _ = try await dependencies.accountService.createUser(
                email: try EmailAddress("long@example.org"), displayName: "Long Pass", role: .patient, password: long, verified: true,
                actor: .system)
            let truncated = String(long.prefix(72)) + String(repeating: "x", count: 28)
            #expect(try await browser.signIn("long@example.org", truncated).status == .unauthorized)
            #expect(try await browser.signIn("long@example.org", long).status == .seeOther)
        }
    }
}
