import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Treating physicians and the case handshake")
struct CaseTests {
    static let physicianForm: [(String, String)] = [
        ("firstName", "Samuel"), ("lastName", "Reyes"), ("email", "samuel.reyes@example.org"),
        ("emailConfirmation", "samuel.reyes@example.org"),
        ("password", "Stethoscope-Harbor-4"), ("passwordConfirmation", "Stethoscope-Harbor-4"), ("npi", "1234567893"),
        ("licenceState", "MA"),
        ("licenceNumber", "MD-22871"), ("specialty", "Internal medicine"), ("practiceName", "Beacon Hill Primary Care"),
        ("addressLine1", "1 Charles Street"), ("city", "Boston"), ("state", "MA"), ("postalCode", "02114"), ("phone", "617-555-0100"),
    ]

    @Test("a physician registers; a mistyped NPI is named as a typo; a coordinator verifies with a note")
    func physicianRegistersAndIsVerified() async throws {
        try await TestApp.run { browser, dependencies in
            try await browser.get("/physicians/register")
            var typo = Self.physicianForm.filter { $0.0 != "npi" }
            typo.append(("npi", "1234567894"))
            let refused = try await browser.post("/physicians/register", form: typo)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("last digit does not match"))
            #expect(refused.text.contains("value=\"Beacon Hill Primary Care\""))
            let done = try await browser.post("/physicians/register", form: Self.physicianForm)
            #expect(done.text.contains("Check your email"))
            let profile = try #require(try await PhysicianProfileModel.query(on: dependencies.database.db).with(\.$user).first())
            #expect(profile.verification == "pending")
            #expect(profile.user.role == .treatingPhysician)
            #expect(profile.phone == "+16175550100")
            // the physician can sign in but sees no patient data yet
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", "Stethoscope-Harbor-4")
            #expect(try await physician.get("/cases/join").text.contains("waiting to be verified"))
            // a coordinator verifies
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let coordinator = browser.fresh()
            try await coordinator.signIn("miguel.santos@example.org", Fixtures.password)
            let queue = try await coordinator.get("/staff/physicians")
            #expect(queue.text.contains("1234567893"))
            #expect(queue.text.contains("MA MD-22871"))
            let decision = "/staff/physicians/\(profile.id!.uuidString.lowercased())/decision"
            // an empty note is sent back beside the field, nothing decided
            let empty = try await coordinator.post(decision, form: [("decision", "verify"), ("note", "  ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("Write what you checked before verifying"))
            #expect(empty.text.contains("aria-invalid=\"true\""))
            #expect(!empty.text.contains("We could not understand that request"))
            // a note leads to a confirming step, still nothing decided
            let asked = try await coordinator.post(decision, form: [("decision", "verify"), ("note", "NPPES and MA board checked")])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Yes, verify Samuel Reyes"))
            #expect(asked.text.contains("name=\"confirmed\" value=\"yes\""))
            #expect(try await PhysicianProfileModel.find(profile.id, on: dependencies.database.db)?.isVerified == false)
            let decided = try await coordinator.post(
                decision, form: [("decision", "verify"), ("note", "NPPES and MA board checked"), ("confirmed", "yes")])
            #expect(decided.location == "/staff/physicians")
            let verified = try #require(try await PhysicianProfileModel.find(profile.id, on: dependencies.database.db))
            #expect(verified.isVerified)
            #expect(verified.verificationNote == "NPPES and MA board checked")
            #expect(verified.verifiedAt != nil)
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.physicianVerified.rawValue))
            #expect(!(try await physician.get("/cases/join").text.contains("waiting to be verified")))
            // other roles never see the queue
            #expect(try await physician.get("/staff/physicians").status == .notFound)
        }
    }

    @Test("a rejected physician is told by email")
    func rejection() async throws {
        try await TestApp.run { browser, dependencies in
            let physician = try await CaseFixtures.physician(
                dependencies, email: "x.doc@example.org", name: "X Doc", npi: "1558598797", verified: false)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            try await browser.signIn("miguel.santos@example.org", Fixtures.password)
            let physicianID = try #require(physician.userID)
            let profile = try #require(try await PhysicianDirectory.profile(of: physicianID, on: dependencies.database.db))
            try await browser.get("/staff/physicians")
            _ = try await browser.post(
                "/staff/physicians/\(profile.id!.uuidString)/decision",
                form: [("decision", "reject"), ("note", "License not found"), ("confirmed", "yes")])
            let mail = try await Fixtures.outbox(dependencies).filter { $0.recipient == "x.doc@example.org" }
            #expect(mail.map(\.kind) == ["physician_rejected"])
        }
    }

    @Test("the whole handshake: open, invite, join by number, confirm; the patient is told and sees the timeline")
    func handshake() async throws {
        try await TestApp.run { browser, dependencies in
            // setup
            try await CaseFixtures.patientAccount(dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            // act: the patient opens a case
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let form = try await browser.get("/cases/new")
            #expect(form.text.contains("Cardiology"))
            let opened = try await browser.post(
                "/cases/new",
                form: [
                    ("specialty", "Cardiology"), ("question", "Do I need valve surgery?"), ("diagnosis", "Aortic stenosis"),
                    ("treatments", ""),
                    ("physicianName", "Dr. Samuel Reyes"), ("physicianEmail", "Samuel.Reyes@example.org"), ("physicianNPI", ""),
                    ("patientID", UUID().uuidString),
                ])
            let location = try #require(opened.location)
            #expect(location.hasPrefix("/cases/"))
            let caseModel = try #require(try await CaseModel.query(on: dependencies.database.db).first())
            #expect(caseModel.state == .submitted)
            #expect(caseModel.caseReference != nil)
            let page = try await browser.get(location)
            #expect(page.text.contains(caseModel.caseReference!.display))
            #expect(page.text.contains("Waiting for your physician to confirm"))
            let letter = try await browser.get(location + "/letter")
            #expect(letter.text.contains(caseModel.caseReference!.display))
            #expect(letter.text.contains("http://consilium.test/physicians/register"))
            // the invitation holds no health information
            let invitation = try #require(try await Fixtures.outbox(dependencies).first { $0.kind == "case_invitation" })
            #expect(invitation.recipient == "samuel.reyes@example.org")
            #expect(!invitation.bodyText.contains("Margaret") && !invitation.bodyText.contains("valve"))
            // the physician joins with the number
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", Fixtures.password)
            try await physician.get("/cases/join")
            var digits = Array(caseModel.reference)
            digits[3] = digits[3] == "1" ? "2" : "1"
            let typo = try await physician.post("/cases/join", form: [("reference", String(digits))])
            #expect(typo.text.contains("last digit does not match"))
            let found = try await physician.post("/cases/join", form: [("reference", caseModel.caseReference!.display)])
            #expect(found.location == "/cases/join/confirm")
            let confirm = try await physician.get("/cases/join/confirm")
            #expect(confirm.text.contains("Margaret Ellis"))
            #expect(confirm.text.contains("Do I need valve surgery?"))
            let incomplete = try await physician.post("/cases/join/confirm", form: [("action", "confirm"), ("clinicalHistory", "CHF")])
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.text.contains("Tick the box to confirm"))
            let confirmed = try await physician.post(
                "/cases/join/confirm",
                form: [
                    ("action", "confirm"), ("confirm", "yes"), ("clinicalHistory", "Severe aortic stenosis, NYHA II."),
                    ("clinicalQuestion", "TAVR or surgical AVR?"), ("materials", "Echo 2026-10-02; CT angiogram"),
                ])
            #expect(confirmed.location == location)
            // check
            let after = try #require(try await CaseModel.find(caseModel.id, on: dependencies.database.db))
            #expect(after.state == .physicianConfirmed)
            #expect(after.$treatingPhysician.id != nil)
            let patientMail = try await Fixtures.outbox(dependencies).filter {
                $0.recipient == "margaret.ellis@example.org" && $0.kind == "case_update"
            }
            #expect(patientMail.count == 1)
            let timeline = try await browser.get(location)
            #expect(timeline.text.contains("Confirmed by the treating physician"))
            #expect(timeline.text.contains("Samuel Reyes (Treating physician)"))
            #expect(timeline.text.components(separatedBy: "after the step before").count == 2)  // only the second step has a duration
            #expect(timeline.text.contains("TAVR or surgical AVR?"))
            let dashboard = try await physician.get("/account")
            #expect(dashboard.text.contains(caseModel.caseReference!.display))
        }
    }

    @Test("a number that exists but names another physician gets the same answer as one that does not exist")
    func noEnumeration() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let caseModel = try await CaseFixtures.openCase(
                dependencies, by: user, for: patient, physicianEmail: "someone.else@example.org")
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            try await browser.signIn("samuel.reyes@example.org", Fixtures.password)
            try await browser.get("/cases/join")
            let existing = try await browser.post("/cases/join", form: [("reference", caseModel.reference)])
            var other = CaseReference.generate()
            while other.value == caseModel.reference { other = CaseReference.generate() }
            try await browser.get("/cases/join")
            let missing = try await browser.post("/cases/join", form: [("reference", other.value)])
            #expect(existing.status == missing.status)
            #expect(
                existing.text.replacingOccurrences(of: caseModel.reference, with: "N")
                    == missing.text.replacingOccurrences(of: other.value, with: "N"))
            #expect(!existing.text.contains("Margaret"))
            // and the confirmation page stays closed
            #expect(try await browser.get("/cases/join/confirm").status == .notFound)
        }
    }

    @Test("entering numbers is rate limited per physician")
    func joinRateLimit() async throws {
        try await TestApp.run { browser, dependencies in
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            try await browser.signIn("samuel.reyes@example.org", Fixtures.password)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<11 {
                try await browser.get("/cases/join")
                statuses.append(try await browser.post("/cases/join", form: [("reference", CaseReference.generate().value)]).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .notFound })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test("the invitation link opens the request for the physician named by NPI, whatever email their account has")
    func invitationLink() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            _ = try await CaseFixtures.openCase(
                dependencies, by: user, for: patient, physicianEmail: "old.address@example.org", physicianNPI: "1234567893")
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            let body = try #require(try await Fixtures.outbox(dependencies).first { $0.kind == "case_invitation" }?.bodyText)
            let token = try #require(body.range(of: "token=").map { String(body[$0.upperBound...].prefix { !$0.isWhitespace }) })
            let anonymous = try await browser.get("/cases/join/invite?token=\(token)")
            #expect(anonymous.text.contains("Sign in"))
            #expect(!anonymous.text.contains("Margaret"))
            try await browser.signIn("samuel.reyes@example.org", Fixtures.password)
            #expect(try await browser.get("/cases/join/invite?token=\(token)").location == "/cases/join/confirm")
            #expect(try await browser.get("/cases/join/confirm").text.contains("Margaret Ellis"))
            #expect(try await browser.get("/cases/join/invite?token=wrong").status == .notFound)
        }
    }

    @Test("a physician who declines: the patient sees it and names another, who is invited")
    func declineAndRename() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let caseModel = try await CaseFixtures.openCase(
                dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", Fixtures.password)
            try await physician.get("/cases/join")
            _ = try await physician.post("/cases/join", form: [("reference", caseModel.reference)])
            try await physician.get("/cases/join/confirm")
            #expect(try await physician.post("/cases/join/confirm", form: [("action", "decline")]).location == "/account")
            // the physician does not keep access
            let path = "/cases/\(caseModel.id!.uuidString.lowercased())"
            #expect(try await physician.get(path).status == .notFound)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let page = try await browser.get(path)
            #expect(page.text.contains("Your physician did not confirm"))
            let renamed = try await browser.post(
                path + "/physician",
                form: [("physicianName", "Dr. Ana Lopez"), ("physicianEmail", "ana.lopez@example.org"), ("physicianNPI", "")])
            #expect(renamed.location == path)
            let after = try #require(try await CaseModel.find(caseModel.id, on: dependencies.database.db))
            #expect(after.state == .submitted)
            #expect(after.physicianEmail == "ana.lopez@example.org")
            let invitations = try await Fixtures.outbox(dependencies).filter { $0.kind == "case_invitation" }.map(\.recipient)
            #expect(invitations == ["samuel.reyes@example.org", "ana.lopez@example.org"])
            let events = try await CaseEventModel.query(on: dependencies.database.db).sort(\.$occurredAt).all().map(\.toState)
            #expect(events == [.submitted, .physicianDeclined, .submitted])
        }
    }

    @Test("opening a case needs a confirmed email address")
    func needsVerifiedEmail() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, _) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            user.emailVerifiedAt = nil
            try await user.update(on: dependencies.database.db)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let response = try await browser.get("/cases/new")
            #expect(response.location == "/account")
            #expect(try await browser.get("/account").text.contains("Please confirm your email address first"))
        }
    }
}
