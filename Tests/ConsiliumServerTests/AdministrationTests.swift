import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Administration")
struct AdministrationTests {
    /// An administrator (with two-step sign-in), signed in.
    func admin(_ browser: TestBrowser, _ dependencies: AppDependencies) async throws -> TestBrowser {
        try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
        let admin = browser.fresh()
        #expect(try await admin.signIn("grace.okafor@example.org", Fixtures.password).location == "/account")
        return admin
    }

    /// Miguel Santos (coordinator) signed in in his own browser; returns his id and that browser.
    func coordinatorSignedIn(_ browser: TestBrowser, _ dependencies: AppDependencies) async throws -> (String, TestBrowser) {
        let miguel = try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
        let open = browser.fresh()
        try await open.signIn("miguel.santos@example.org", Fixtures.password)
        return (miguel.id!.uuidString.lowercased(), open)
    }

    static let settingsForm: [(String, String)] = [
        ("countries", "US, CA"), ("specialties", "Cardiology\nNeurology\nOncology"), ("turnaround_days", "10"), ("follow_up_limit", "2"),
    ]

    @Test("however the path is spelled (//admin, //staff), a refused area is a 404 and the refusal is audited")
    func doubledSlashes() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let patient = browser.fresh()
            try await patient.signIn("margaret.ellis@example.org", Fixtures.password)
            let coordinator = browser.fresh()
            try await coordinator.signIn("miguel.santos@example.org", Fixtures.password)
            let attempts: [(TestBrowser, String, String)] = [
                (coordinator, "//admin/users", "area /admin"), (coordinator, "//admin//audit.csv", "area /admin"),
                (patient, "//staff/cases", "area /staff"), (patient, "/staff//physicians", "area /staff"),
            ]
            for (visitor, path, detail) in attempts {
                let before = try await AuditEventModel.query(on: dependencies.database.db).filter(\.$detail == detail).count()
                let response = try await visitor.get(path)
                #expect(response.status == .notFound, "\(path)")
                let after = try await AuditEventModel.query(on: dependencies.database.db).filter(\.$detail == detail).count()
                #expect(after == before + 1, "\(path) refusal audited")
            }
            // the staff area itself still opens for the coordinator, however it is spelled
            #expect(try await coordinator.get("//staff/cases").status == .ok)
        }
    }

    @Test("administration pages are 404 for everyone but administrators")
    func adminOnly() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            for email in ["margaret.ellis@example.org", "miguel.santos@example.org"] {
                let visitor = browser.fresh()
                try await visitor.signIn(email, Fixtures.password)
                for path in [
                    "/admin", "/admin/settings", "/admin/agreement", "/admin/users", "/admin/users/invite", "/admin/audit",
                    "/admin/audit.csv",
                ] {
                    #expect(try await visitor.get(path).status == .notFound, "\(email) \(path)")
                }
                try await visitor.get("/account")
                #expect(try await visitor.post("/admin/settings", form: Self.settingsForm).status == .notFound)
            }
            #expect(try await browser.fresh().get("/admin").location?.hasPrefix("/signin") == true)
        }
    }

    @Test("settings: errors keep what was typed; a saved service area applies to the next registration at once")
    func settings() async throws {
        try await TestApp.run { browser, dependencies in
            let admin = try await admin(browser, dependencies)
            #expect(try await admin.get("/admin/settings").text.contains("Cardiology"))
            // bad input: every error beside its field, everything typed kept
            let bad = try await admin.post(
                "/admin/settings",
                form: [
                    ("countries", "US, XX"), ("specialties", "Cardiology\ncardiology"), ("turnaround_days", "0"),
                    ("follow_up_limit", "many"),
                ])
            #expect(bad.status == .badRequest)
            for message in ["not two-letter country codes: XX", "is listed twice", "from 1 to 90", "from 0 to 20"] {
                #expect(bad.text.contains(message), "\(message)")
            }
            #expect(bad.text.contains("value=\"US, XX\"") && bad.text.contains("value=\"many\""))
            #expect(dependencies.settings.current.turnaroundDays == 7, "nothing saved")
            // a patient in Massachusetts can register now...
            let before = try await RegistrationFlow.step1(browser.fresh())
            #expect(before.location == "/register/agreement")
            // ...the administrator stops serving Massachusetts...
            let saved = try await admin.post(
                "/admin/settings", form: Self.settingsForm + [("excluded_states", "MA"), ("excluded_states", "NY")])
            #expect(saved.location == "/admin/settings")
            // ...and the very next registration from Massachusetts is refused
            let after = try await RegistrationFlow.step1(browser.fresh())
            #expect(after.location == nil)
            #expect(after.text.contains("We cannot take this case online"))
            #expect(try await browser.fresh().get("/").text.contains("within 10 days"))
            let current = dependencies.settings.current
            #expect(current.specialties == ["Cardiology", "Neurology", "Oncology"] && current.followUpLimit == 2)
            #expect(current.serviceArea.countries == ["US", "CA"] && current.serviceArea.excludedUSStates == ["MA", "NY"])
            let event = try #require(
                try await AuditEventModel.query(on: dependencies.database.db).filter(\.$action == AuditAction.settingsChanged.rawValue)
                    .first())
            #expect(event.detail?.contains("states no longer served: MA NY") == true)
            #expect(event.detail?.contains("turnaround days: 7 → 10") == true)
            // another instance on the same database (or this one after a restart) reads them back
            var defaults = current
            defaults.turnaroundDays = 7
            let other = SettingsStore(database: dependencies.database, audit: dependencies.audit, defaults: defaults)
            #expect(other.current.turnaroundDays == 7)
            try await other.load()
            #expect(other.current == current)
        }
    }

    @Test("an administrator publishes the Spanish translation of the version in force, checked like the command line's")
    func publishTranslation() async throws {
        try await TestApp.run { browser, dependencies in
            let admin = try await admin(browser, dependencies)
            let text =
                String(repeating: "We explain the service in plain words to {institution}'s patients. ", count: 4)
                + "\n\nA second paragraph: call {phone} with questions."
            try await admin.get("/admin/agreement")
            _ = try await admin.post("/admin/agreement", form: [("kind", "agreement"), ("text", text), ("action", "publish")])
            let page = try await admin.get("/admin/agreement/translation?kind=agreement")
            #expect(page.text.contains("Not translated: Spanish readers see the English text"))
            let spanish =
                String(repeating: "Explicamos el servicio con palabras sencillas a los pacientes de {institution}. ", count: 4)
                + "\n\nUn segundo párrafo: llame al {phone} si tiene preguntas."
            let lost = try await admin.post(
                "/admin/agreement/translation",
                form: [("kind", "agreement"), ("language", "es"), ("text", spanish.replacingOccurrences(of: "{phone}", with: "nosotros"))])
            #expect(lost.status == .badRequest && lost.text.contains("The translation leaves out {phone}"))
            #expect(lost.text.contains("nosotros"), "what was typed is kept")
            let published = try await admin.post(
                "/admin/agreement/translation", form: [("kind", "agreement"), ("language", "es"), ("text", spanish)])
            #expect(published.location == "/admin/agreement/translation?kind=agreement")
            #expect(try await admin.get("/admin/agreement/translation?kind=agreement").text.contains("Published "))
            let again = try await admin.post(
                "/admin/agreement/translation", form: [("kind", "agreement"), ("language", "es"), ("text", spanish)])
            #expect(again.status == .conflict)
            let active = try await dependencies.agreements.active()
            #expect(active.agreement.version == 2 && active.translations[.spanish]?.agreement != nil)
            #expect(
                try await admin.post("/admin/agreement/translation", form: [("kind", "agreement"), ("language", "en"), ("text", spanish)])
                    .status == .badRequest)
        }
    }

    @Test("agreement: preview, then publish; patients accept the new version at their next sign-in")
    func publishAgreement() async throws {
        try await TestApp.run { browser, dependencies in
            try await CaseFixtures.patientAccount(dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let admin = try await admin(browser, dependencies)
            let page = try await admin.get("/admin/agreement")
            #expect(page.text.contains("Version 1 is in force"))
            let text =
                String(repeating: "We explain the service in plain words to {institution}'s patients. ", count: 4)
                + "\n\nA second paragraph: call {phone} with questions."
            let tooShort = try await admin.post(
                "/admin/agreement", form: [("kind", "agreement"), ("text", "Too short."), ("action", "preview")])
            #expect(tooShort.status == .badRequest && tooShort.text.contains("too short"))
            let unknown = try await admin.post(
                "/admin/agreement", form: [("kind", "agreement"), ("text", text + " {nonsense}"), ("action", "preview")])
            #expect(unknown.status == .badRequest && unknown.text.contains("Unknown placeholders: {nonsense}"))
            let preview = try await admin.post("/admin/agreement", form: [("kind", "agreement"), ("text", text), ("action", "preview")])
            #expect(preview.status == .ok && preview.text.contains("Preview: Patient Agreement and Authorization, version 2"))
            #expect(preview.text.contains("call (555) 010-0199 with questions"), "placeholders filled as patients will see them")
            #expect(
                try await AgreementVersionModel.query(on: dependencies.database.db).filter(\.$kind == "agreement").count() == 1, "not yet")
            let published = try await admin.post("/admin/agreement", form: [("kind", "agreement"), ("text", text), ("action", "publish")])
            #expect(published.location == "/admin/agreement?kind=agreement")
            #expect(try await dependencies.agreements.active().agreement.version == 2)
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.agreementPublished.rawValue))
            // the patient is asked first thing
            #expect(try await browser.fresh().signIn("margaret.ellis@example.org", Fixtures.password).location == "/agreement/accept")
        }
    }

    @Test("invitation: the email link sets a password and leads to two-step enrolment; a taken email is refused beside its field")
    func invite() async throws {
        try await TestApp.run { browser, dependencies in
            let admin = try await admin(browser, dependencies)
            try await admin.get("/admin/users/invite")
            let missing = try await admin.post(
                "/admin/users/invite", form: [("name", "Helen Park"), ("email", "helen.park@example.org"), ("role", "consultant")])
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("Choose the consultant&#39;s specialty"))
            #expect(missing.text.contains("value=\"helen.park@example.org\""))
            let sent = try await admin.post(
                "/admin/users/invite",
                form: [("name", "Helen Park"), ("email", "Helen.Park@example.org"), ("role", "consultant"), ("specialty", "Cardiology")])
            #expect(sent.location == "/admin/users")
            let again = try await admin.post(
                "/admin/users/invite", form: [("name", "Helen Park"), ("email", "helen.park@example.org"), ("role", "coordinator")])
            #expect(again.status == .badRequest && again.text.contains("already exists"))
            #expect(try await admin.get("/admin/users").text.contains("Invited, not yet accepted"))
            let mail = try #require(try await Fixtures.outbox(dependencies).last { $0.kind == "staff_invitation" })
            #expect(mail.recipient == "helen.park@example.org" && mail.bodyText.contains("Grace Okafor has invited you"))
            let first = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/invitation"))
            // the email went astray: a new one
            let invitee = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "helen.park@example.org").first())
            let personPath = "/admin/users/\(invitee.id!.uuidString.lowercased())"
            #expect(try await admin.get(personPath).text.contains("Send the invitation again"))
            #expect(try await admin.post(personPath + "/reinvite").location == personPath)
            let token = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/invitation"))
            #expect(token != first)
            #expect(try await browser.fresh().get("/invitation?token=\(first)").status == .notFound, "the older link stops working")
            // the invitee
            let helen = browser.fresh()
            #expect(try await helen.get("/invitation?token=\(token)").text.contains("Welcome, Helen Park"))
            let weak = try await helen.post(
                "/invitation", form: [("token", token), ("password", "short"), ("password_confirmation", "short")])
            #expect(weak.status == .badRequest)
            let accepted = try await helen.post(
                "/invitation",
                form: [("token", token), ("password", "Stethoscope-Harbor-91"), ("password_confirmation", "Stethoscope-Harbor-91")])
            #expect(accepted.location == "/account/two-factor")
            #expect(try await helen.get("/cases/new").location == "/account/two-factor", "no patient data before enrolment")
            #expect(try await browser.fresh().get("/invitation?token=\(token)").status == .notFound, "the link works once")
            try await admin.get(personPath)
            #expect(try await admin.post(personPath + "/reinvite").status == .badRequest, "accepted: nothing to send again")
            let profile = try await ConsultantProfileModel.query(on: dependencies.database.db).first()
            #expect(profile?.specialty == "Cardiology")
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.contains(AuditAction.userInvited.rawValue) && actions.contains(AuditAction.invitationAccepted.rawValue))
        }
    }

    @Test("a disabled account's open session fails on its next request; re-enabled, it signs in again")
    func disable() async throws {
        try await TestApp.run { browser, dependencies in
            let admin = try await admin(browser, dependencies)
            let (id, open) = try await coordinatorSignedIn(browser, dependencies)
            #expect(try await open.get("/staff/cases").status == .ok)
            // an administrator cannot lock themselves out
            let me = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "grace.okafor@example.org").first())
            try await admin.get("/admin/users/\(me.id!.uuidString.lowercased())")
            #expect(
                try await admin.post("/admin/users/\(me.id!.uuidString.lowercased())/disable", form: [("confirmed", "yes")]).status
                    == .badRequest)
            // act
            try await admin.get("/admin/users/\(id)")
            #expect(try await admin.post("/admin/users/\(id)/disable", form: [("confirmed", "yes")]).location == "/admin/users/\(id)")
            // check
            let next = try await open.get("/staff/cases")
            #expect(next.status == .seeOther && next.location?.hasPrefix("/signin") == true)
            #expect(try await browser.fresh().signIn("miguel.santos@example.org", Fixtures.password).status == .forbidden)
            try await admin.get("/admin/users/\(id)")
            #expect(try await admin.post("/admin/users/\(id)/enable").location == "/admin/users/\(id)")
            #expect(try await browser.fresh().signIn("miguel.santos@example.org", Fixtures.password).location == "/account")
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.contains(AuditAction.userDisabled.rawValue) && actions.contains(AuditAction.userEnabled.rawValue))
        }
    }

    @Test("role change: a consultant's specialty is required, and the change ends their sessions; two-step reset makes them enrol again")
    func roleAndReset() async throws {
        try await TestApp.run { browser, dependencies in
            let admin = try await admin(browser, dependencies)
            let (id, open) = try await coordinatorSignedIn(browser, dependencies)
            try await admin.get("/admin/users/\(id)")
            let noSpecialty = try await admin.post("/admin/users/\(id)/role", form: [("role", "consultant")])
            #expect(noSpecialty.status == .badRequest && noSpecialty.text.contains("Choose the consultant"))
            #expect(noSpecialty.text.contains("value=\"consultant\" checked"), "the role chosen is shown again, not the stored one")
            let same = try await admin.post("/admin/users/\(id)/role", form: [("role", "coordinator")])
            #expect(same.status == .badRequest && same.text.contains("Miguel Santos is already a coordinator"))
            let changed = try await admin.post("/admin/users/\(id)/role", form: [("role", "consultant"), ("specialty", "Cardiology")])
            #expect(changed.location == "/admin/users/\(id)")
            #expect(try await open.get("/account").location?.hasPrefix("/signin") == true, "sessions ended")
            let stored = try #require(try await UserModel.find(UUID(uuidString: id), on: dependencies.database.db))
            #expect(stored.role == .consultant)
            // reset two-step sign-in
            try await admin.get("/admin/users/\(id)")
            #expect(try await admin.post("/admin/users/\(id)/two-factor-reset").location == "/admin/users/\(id)")
            let back = browser.fresh()
            #expect(try await back.signIn("miguel.santos@example.org", Fixtures.password, enterCode: false).location == "/account")
            #expect(try await back.get("/account").location == "/account/two-factor")
            let events = try await AuditEventModel.query(on: dependencies.database.db).filter(
                \.$action ~~ [AuditAction.roleChanged.rawValue, AuditAction.twoFactorReset.rawValue]
            ).all()
            #expect(events.map(\.detail) == ["coordinator → consultant", "by_administrator"])
        }
    }

    @Test("audit log: search by patient and action; CSV export of the same, formula-looking cells defused")
    func auditLog() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let caseModel = try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "sam@example.org")
            let viewer = browser.fresh()
            viewer.setCookie("x", nil)
            try await viewer.signIn("margaret.ellis@example.org", Fixtures.password)
            try await viewer.send(
                "/cases/\(caseModel.id!.uuidString.lowercased())", method: .get, headers: [.userAgent: "=HYPERLINK(\"x\")"], body: nil)
            let admin = try await admin(browser, dependencies)
            let found = try await admin.get("/admin/audit?patient=ellis&action=case.viewed")
            #expect(found.status == .ok)
            #expect(found.text.contains("Margaret Ellis<span class=\"cell-note\">Patient, margaret.ellis@example.org</span>"))
            #expect(
                found.text.contains("Looked at a request<span class=\"cell-note\">Request \(caseModel.caseReference!.display)</span>")
                    && !found.text.contains("<td data-label=\"What\">Signed in"), "filtered to the action, which is named in words")
            #expect(!found.text.contains("case.viewed<") && !found.text.contains(caseModel.id!.uuidString), "no codes, no bare ids")
            // the reference as displayed, spaces sent as a browser's form sends them
            let displayed = caseModel.caseReference!.display.replacingOccurrences(of: " ", with: "+")
            let byReference = try await admin.get("/admin/audit?patient=\(displayed)")
            #expect(byReference.text.contains(">Opened a request<"))
            #expect(try await admin.get("/admin/audit?from=26-11-2026").status == .badRequest)
            let csv = try await admin.get("/admin/audit.csv?patient=ellis&action=case.viewed")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("sequence,occurred_at_utc,") == true)
            #expect(lines.count == 2)
            #expect(lines.last?.contains("\"'=HYPERLINK(\"\"x\"\")\"") == true, "quoted and prefixed so no spreadsheet runs it")
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.contains(AuditAction.auditSearched.rawValue) && actions.contains(AuditAction.auditExported.rawValue))
            let searched = try await AuditEventModel.query(on: dependencies.database.db).filter(
                \.$action == AuditAction.auditSearched.rawValue
            ).all()
            #expect(searched.allSatisfy { !($0.detail ?? "").contains("ellis") }, "the search's event does not repeat the patient's name")
        }
    }
}
