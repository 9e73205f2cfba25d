import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Patient and Families Registration")
struct RegistrationTests {
    @Test("a patient registers in four steps; everything is created at once; the emailed link signs them in")
    func patientRegisters() async throws {
        try await TestApp.run { browser, dependencies in
            // act: steps 1–3 create nothing
            let first = try await RegistrationFlow.step1(browser)
            #expect(first.location == "/register/agreement")
            let agreement = try await browser.get("/register/agreement")
            #expect(agreement.text.contains("Step 2 of 4"))
            #expect(agreement.text.contains("Example Health Network"))
            #expect(agreement.text.contains("the Commonwealth of Massachusetts"))
            #expect(try await RegistrationFlow.step2(browser, signature: "  margaret   ELLIS ").location == "/register/account")
            #expect(try await RegistrationFlow.step3(browser, email: "Margaret.Ellis@Example.org").location == "/register/contact")
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 0)
            let done = try await RegistrationFlow.step4(browser)
            // check
            #expect(done.status == .ok)
            #expect(done.text.contains("Check your email"))
            let user = try #require(try await UserModel.query(on: dependencies.database.db).first())
            #expect(user.email == "margaret.ellis@example.org")
            #expect(user.role == .patient)
            #expect(!user.isVerified)
            let patient = try #require(try await PatientModel.query(on: dependencies.database.db).first())
            #expect(patient.fullName == "Margaret Ellis")
            #expect(patient.dateOfBirth == "1951-06-14")
            #expect(patient.state == "MA")
            let access = try #require(try await PatientAccessModel.query(on: dependencies.database.db).first())
            #expect(access.$user.id == user.id)
            #expect(access.relationship == "self")
            let consent = try #require(try await ConsentRecordModel.query(on: dependencies.database.db).first())
            let active = try await dependencies.agreements.active()
            #expect(consent.textSHA256 == active.agreementDocument.sha256)
            #expect(consent.$agreementVersion.id == active.agreement.id)
            #expect(consent.$termsVersion.id == active.terms.id)
            #expect(consent.typedName == "margaret   ELLIS")
            #expect(consent.signerRole == "patient")
            #expect(consent.courtesyCopy)
            #expect(consent.decision == "accepted")
            let contact = try #require(try await ContactDetailsModel.query(on: dependencies.database.db).first())
            #expect(contact.phone == "+16175550134")
            #expect(contact.postalCode == "02108")
            let mail = try await Fixtures.outbox(dependencies)
            #expect(mail.map(\.kind) == ["verify_email"])
            #expect(!mail[0].bodyText.contains("Margaret"))
            let actions = try await Fixtures.auditActions(dependencies)
            for action in [AuditAction.registered, .patientAdded, .consentSigned] { #expect(actions.contains(action.rawValue)) }
            // the link confirms the address and lands on the dashboard, signed in
            let token = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/verify-email"))
            try await browser.get("/verify-email?token=\(token)")
            #expect(try await browser.post("/verify-email", form: [("token", token)]).location == "/account")
            let account = try await browser.get("/account")
            #expect(account.text.contains("Margaret Ellis"))
        }
    }

    @Test("a family member registers a child under their own name and authority")
    func familyMemberRegisters() async throws {
        try await TestApp.run { browser, dependencies in
            #expect(try await RegistrationFlow.step1(browser, RegistrationFlow.familyStep1).location == "/register/agreement")
            let page = try await browser.get("/register/agreement")
            #expect(page.text.contains("on behalf of <strong>Lily Ellis</strong>"))
            // the patient's name is not the signature: the family member signs as themself
            let wrong = try await RegistrationFlow.step2(browser, signature: "Lily Ellis")
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("Type your name exactly as you gave it: Daniel Ellis."))
            #expect(
                try await RegistrationFlow.step2(browser, signature: "Daniel Ellis", courtesyCopy: false).location == "/register/account")
            _ = try await RegistrationFlow.step3(browser, email: "daniel.ellis@example.org")
            #expect(try await RegistrationFlow.step4(browser).status == .ok)
            let user = try #require(try await UserModel.query(on: dependencies.database.db).first())
            #expect(user.role == .familyMember)
            #expect(user.displayName == "Daniel Ellis")
            let access = try #require(try await PatientAccessModel.query(on: dependencies.database.db).first())
            #expect(access.relationship == "parent")
            #expect(access.authority == "parent_of_minor")
            let consent = try #require(try await ConsentRecordModel.query(on: dependencies.database.db).first())
            #expect(consent.signerRole == "proxy")
            #expect(consent.authority == "parent_of_minor")
            #expect(!consent.courtesyCopy)
        }
    }

    @Test("later steps cannot be reached without the earlier ones")
    func noSkipping() async throws {
        try await TestApp.run { browser, dependencies in
            #expect(try await browser.get("/register/contact").location == "/register")
            #expect(try await browser.get("/register/agreement").location == "/register")
            _ = try await RegistrationFlow.step1(browser)
            #expect(try await browser.get("/register/account").location == "/register/agreement")
            #expect(try await browser.get("/register/contact").location == "/register/agreement")
            // posting the last step straight away creates nothing
            let skipped = try await browser.post("/register/contact", form: RegistrationFlow.contact + [("action", "finish")])
            #expect(skipped.location == "/register/agreement")
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 0)
        }
    }

    @Test("fields of another role are ignored: no one registers as an administrator")
    func roleFieldIgnored() async throws {
        try await TestApp.run { browser, dependencies in
            try await browser.get("/register")
            _ = try await browser.post("/register", form: RegistrationFlow.patientStep1 + [("role", "administrator")])
            _ = try await RegistrationFlow.step2(browser, signature: "Margaret Ellis")
            try await browser.get("/register/account")
            let email = "margaret.ellis@example.org"
            _ = try await browser.post(
                "/register/account",
                form: [
                    ("email", email), ("emailConfirmation", email), ("password", RegistrationFlow.password),
                    ("passwordConfirmation", RegistrationFlow.password), ("role", "administrator"),
                ])
            try await browser.get("/register/contact")
            _ = try await browser.post("/register/contact", form: RegistrationFlow.contact + [("role", "administrator")])
            let user = try #require(try await UserModel.query(on: dependencies.database.db).first())
            #expect(user.role == .patient)
        }
    }

    @Test("outside the service area the person is told at once, and nothing they typed is kept")
    func ineligible() async throws {
        let config = try TestApp.configuration(["CONSILIUM_EXCLUDED_US_STATES": "NY,TX", "CONSILIUM_SERVICE_COUNTRIES": "US,CA"])
        try await TestApp.run(config) { browser, dependencies in
            var fields = RegistrationFlow.patientStep1.filter { $0.0 != "state" }
            fields.append(("state", "NY"))
            let response = try await RegistrationFlow.step1(browser, fields)
            #expect(response.status == .ok)
            #expect(response.text.contains("We cannot take this case online"))
            #expect(response.text.contains("(555) 010-0199"))
            #expect(response.text.contains("in-person evaluation"))
            let sessions = try await SessionRecord.query(on: dependencies.database.db).all()
            #expect(sessions.allSatisfy { !String(decoding: $0.data, as: UTF8.self).contains("Margaret") })
            #expect(try await browser.get("/register/agreement").location == "/register")
            // a country that is not served, even with other errors on the page, is answered first
            try await browser.get("/register")
            let abroad = try await browser.post("/register", form: [("country", "MX")])
            #expect(abroad.text.contains("We cannot take this case online"))
            // a served country outside the United States needs no state
            var canada = RegistrationFlow.patientStep1.filter { $0.0 != "country" && $0.0 != "state" }
            canada.append(("country", "CA"))
            #expect(try await RegistrationFlow.step1(browser, canada).location == "/register/agreement")
        }
    }

    @Test("declining the agreement ends the wizard with the in-person alternative, keeping nothing")
    func declined() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await RegistrationFlow.step1(browser)
            try await browser.get("/register/agreement")
            let response = try await browser.post("/register/agreement", form: [("action", "decline")])
            #expect(response.text.contains("You did not accept the agreement"))
            #expect(response.text.contains("in-person evaluation"))
            #expect(try await browser.get("/register/agreement").location == "/register")
            let sessions = try await SessionRecord.query(on: dependencies.database.db).all()
            #expect(sessions.allSatisfy { !String(decoding: $0.data, as: UTF8.self).contains("Margaret") })
        }
    }

    @Test("Back and Next keep every value; a failed step shows what was typed except the password")
    func backAndForth() async throws {
        try await TestApp.run { browser, _ in
            _ = try await RegistrationFlow.step1(browser)
            _ = try await RegistrationFlow.step2(browser, signature: "Margaret Ellis", courtesyCopy: false)
            try await browser.get("/register/account")
            let failed = try await browser.post(
                "/register/account",
                form: [
                    ("email", "margaret.ellis@example.org"), ("emailConfirmation", "margaret.elis@example.org"), ("password", "Password1!"),
                    ("passwordConfirmation", "Password1!"), ("action", "next"),
                ])
            #expect(failed.status == .badRequest)
            #expect(failed.text.contains("The two email addresses do not match."))
            #expect(failed.text.contains("value=\"margaret.ellis@example.org\""))
            #expect(!failed.text.contains("Password1!"))
            #expect(failed.text.contains("href=\"#emailConfirmation\""))
            #expect(failed.text.contains("aria-describedby=\"emailConfirmation-error\""))
            // Back to step 2 keeps the signature and the declined courtesy copy
            _ = try await browser.post("/register/account", form: [("email", "margaret.ellis@example.org"), ("action", "back")])
            let agreement = try await browser.get("/register/agreement")
            #expect(agreement.text.contains("value=\"Margaret Ellis\""))
            #expect(!agreement.text.contains("name=\"courtesyCopy\" value=\"yes\" checked"))
            // and step 1 still holds the patient
            let personal = try await browser.get("/register")
            #expect(personal.text.contains("value=\"Margaret\""))
            #expect(personal.text.contains("value=\"1951\""))
            #expect(personal.text.contains("<option value=\"MA\" selected>"))
            // forward again: the email typed before going back is still there
            let account = try await browser.get("/register/account")
            #expect(account.text.contains("value=\"margaret.ellis@example.org\""))
        }
    }

    @Test("each broken password rule is named beside the field")
    func passwordRules() async throws {
        try await TestApp.run { browser, _ in
            _ = try await RegistrationFlow.step1(browser)
            _ = try await RegistrationFlow.step2(browser, signature: "Margaret Ellis")
            for (password, message) in [
                ("short1!", "Use at least 8 characters."), ("password1", "Include at least one special character"),
                ("Ellis-2024!", "Do not use your name or your email address"), ("P@ssw0rd", "This password is too common"),
                (String(repeating: "Ab1!", count: 33), "Use at most 128 characters."),
            ] {
                let response = try await RegistrationFlow.step3(browser, email: "m.e@example.org", password: password)
                #expect(response.status == .badRequest, "\(password)")
                #expect(response.text.contains(message), "\(password)")
            }
        }
    }

    @Test("a registered email gets the same page, creates nothing, and its owner is told")
    func emailAlreadyRegistered() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies, email: "margaret.ellis@example.org", name: "Margaret Ellis")
            let fresh = browser.fresh()
            let newPage = try await RegistrationFlow.registerPatient(fresh, email: "someone.new@example.org")
            let takenPage = try await RegistrationFlow.registerPatient(browser, email: "MARGARET.ELLIS@example.org")
            #expect(takenPage.status == newPage.status)
            #expect(takenPage.text == newPage.text)
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 2)
            #expect(try await PatientModel.query(on: dependencies.database.db).count() == 1)
            let notices = try await Fixtures.outbox(dependencies).filter { $0.recipient == "margaret.ellis@example.org" }
            #expect(notices.map(\.kind) == ["registration_attempt"])
        }
    }

    @Test("the last step of a new account and of a taken email both wait for the common floor")
    func finishPadded() async throws {
        // a floor far above either path's work, so that both answers must have waited for it
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_REGISTRATION_MIN_MS": "300"])) { browser, dependencies in
            try await Fixtures.user(dependencies, email: "margaret.ellis@example.org", name: "Margaret Ellis")
            for (visitor, email) in [(browser.fresh(), "someone.new@example.org"), (browser, "margaret.ellis@example.org")] {
                _ = try await RegistrationFlow.step1(visitor)
                _ = try await RegistrationFlow.step2(visitor, signature: "Margaret Ellis")
                _ = try await RegistrationFlow.step3(visitor, email: email)
                try await visitor.get("/register/contact")
                let started = ContinuousClock.now
                let finished = try await visitor.post("/register/contact", form: RegistrationFlow.contact + [("action", "finish")])
                let took = ContinuousClock.now - started
                #expect(finished.text.contains("Check your email"))
                #expect(took >= .milliseconds(300), "\(email) answered in \(took)")
            }
        }
    }

    @Test("an agreement published while someone registers is shown to them before the account is made")
    func agreementPublishedMidway() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await RegistrationFlow.step1(browser)
            _ = try await RegistrationFlow.step2(browser, signature: "Margaret Ellis")
            _ = try await RegistrationFlow.step3(browser, email: "margaret.ellis@example.org")
            // version 2 is published while the person fills in step 4
            #expect(try await AgreementCommands(dependencies).publish(kind: "agreement", text: AgreementVersionTests.newText) == 2)
            let finished = try await RegistrationFlow.step4(browser)
            #expect(finished.location == "/register/agreement")
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 0)
            let page = try await browser.get("/register/agreement")
            #expect(page.text.contains("published a new version of the agreement"))
            #expect(page.text.contains("A clearer sentence about"))
            // accepting it again leads on; the account step keeps what was entered
            #expect(try await RegistrationFlow.step2(browser, signature: "Margaret Ellis").location == "/register/account")
            try await browser.get("/register/account")
            let account = try await browser.post(
                "/register/account",
                form: [
                    ("email", "margaret.ellis@example.org"), ("emailConfirmation", "margaret.ellis@example.org"), ("password", ""),
                    ("passwordConfirmation", ""), ("action", "next"),
                ])
            #expect(account.location == "/register/contact")
            #expect(try await RegistrationFlow.step4(browser).text.contains("Check your email"))
            let consent = try #require(try await ConsentRecordModel.query(on: dependencies.database.db).with(\.$agreementVersion).first())
            #expect(consent.agreementVersion.version == 2)
        }
    }

    @Test("pressing Finish twice, or replaying it, creates exactly one account")
    func doubleSubmit() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await RegistrationFlow.step1(browser)
            _ = try await RegistrationFlow.step2(browser, signature: "Margaret Ellis")
            _ = try await RegistrationFlow.step3(browser, email: "margaret.ellis@example.org")
            try await browser.get("/register/contact")
            let token = browser.csrfToken
            let form = RegistrationFlow.contact + [("action", "finish")]
            #expect(try await browser.post("/register/contact", form: form, csrf: token).status == .ok)
            let again = try await browser.post("/register/contact", form: form, csrf: token)
            #expect(again.status == .ok)
            #expect(again.text.contains("Check your email"))
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 1)
            #expect(try await PatientModel.query(on: dependencies.database.db).count() == 1)
        }
    }

    @Test("fifty parallel registrations of one email yield exactly one account")
    func parallelRegistrations() async throws {
        try await TestApp.run { browser, dependencies in
            var browsers: [TestBrowser] = []
            for _ in 0..<50 {
                let each = browser.fresh()
                _ = try await RegistrationFlow.step1(each)
                _ = try await RegistrationFlow.step2(each, signature: "Margaret Ellis")
                _ = try await RegistrationFlow.step3(each, email: "margaret.ellis@example.org")
                try await each.get("/register/contact")
                browsers.append(each)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for each in browsers {
                    group.addTask {
                        try await each.post("/register/contact", form: RegistrationFlow.contact + [("action", "finish")]).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .tooManyRequests })
            #expect(statuses.contains(.ok))
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 1)
            #expect(try await PatientModel.query(on: dependencies.database.db).count() == 1)
            #expect(try await ConsentRecordModel.query(on: dependencies.database.db).count() == 1)
        }
    }

    @Test("a patient under 18 can be registered only by a parent or legal guardian")
    func minors() async throws {
        try await TestApp.run { browser, _ in
            var child = RegistrationFlow.patientStep1.filter { $0.0 != "birthYear" }
            child.append(("birthYear", "\(CalendarDate.today().year - 10)"))
            let alone = try await RegistrationFlow.step1(browser, child)
            #expect(alone.status == .badRequest)
            #expect(alone.text.contains("must be registered by a parent or legal guardian"))
            var uncle = RegistrationFlow.familyStep1.filter { $0.0 != "authority" }
            uncle.append(("authority", "family_with_permission"))
            let notParent = try await RegistrationFlow.step1(browser, uncle)
            #expect(notParent.text.contains("can only be registered by a parent or legal guardian"))
        }
    }

    @Test("a form posted after the session expired starts over and says why")
    func expiredDraft() async throws {
        try await TestApp.run { browser, _ in
            _ = try await RegistrationFlow.step1(browser)
            try await browser.get("/register/agreement")
            browser.setCookie("consilium_session", nil)
            let response = try await browser.post("/register/agreement", form: [("agree", "yes"), ("signature", "Margaret Ellis")])
            #expect(response.status == .forbidden || response.location == "/register")
            try await browser.get("/register")
            let restart = try await browser.post("/register/agreement", form: [("agree", "yes"), ("signature", "Margaret Ellis")])
            #expect(restart.location == "/register")
            let page = try await browser.get("/register")
            #expect(page.text.contains("Your registration session expired"))
        }
    }

    @Test("an abandoned registration's draft is swept from the database soon after its session times out")
    func abandonedDraftSwept() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await RegistrationFlow.step1(browser)
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 1)
            let housekeeping = Housekeeping(
                database: dependencies.database, sessions: dependencies.sessions, limiter: dependencies.limiter, logger: TestApp.logger)
            await housekeeping.sweep(now: Date().addingTimeInterval(20 * 60))
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 1)
            await housekeeping.sweep(now: Date().addingTimeInterval(30 * 60 + SessionLifetime.expiryGrace + 5))
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 0)
        }
    }

    @Test("registrations are limited per email address as well as per client address")
    func perEmailLimit() async throws {
        try await TestApp.run { browser, dependencies in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                let each = browser.fresh()
                statuses.append(try await RegistrationFlow.registerPatient(each, email: "same.person@example.org").status)
            }
            #expect(statuses == [.ok, .ok, .ok, .ok, .ok, .tooManyRequests])
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 1)
        }
    }
}
