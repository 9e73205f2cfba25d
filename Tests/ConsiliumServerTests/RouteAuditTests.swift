import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

/// Every route in Routes.swift, and the audit event it must write when used as intended, or
/// why it writes none. A route added without a line here fails the first test; a route whose
/// event goes missing fails the second.
@Suite("Audit coverage of every route")
struct RouteAuditTests {
    enum Expect: Equatable {
        case event(AuditAction)
        case none(String)
    }

    static let table: [String: Expect] = [
        "GET /healthz": .none("liveness probe"), "GET /readyz": .none("readiness probe"), "GET /": .none("public page"),
        "GET /language/:tag": .none("a display preference: the visitor's cookie and the account's language"), "GET /signin": .none("form"),
        "POST /signin": .event(.signIn),
        "GET /signin/code": .none("form"),
        "POST /signin/code": .event(.signIn),
        "GET /forgot-password": .none("form"), "POST /forgot-password": .event(.passwordResetRequested),
        "GET /reset-password": .none("form"), "POST /reset-password": .event(.passwordReset),
        "GET /terms": .none("public document"), "GET /terms/:version": .none("public document"),
        "GET /agreement/:version": .none("public document"), "GET /questions": .none("public page"), "GET /privacy": .none("public page"),
        "GET /register": .none("form"), "POST /register": .none("a draft kept in the session until the last step"),
        "GET /register/agreement": .none("form"), "POST /register/agreement": .none("a draft kept in the session until the last step"),
        "GET /register/account": .none("form"), "POST /register/account": .none("a draft kept in the session until the last step"),
        "GET /register/contact": .none("form"), "POST /register/contact": .event(.registered),
        "GET /physicians/register": .none("form"), "POST /physicians/register": .event(.physicianRegistered),
        "GET /cases/join/invite": .none("leads to the confirmation page, which is audited"),
        "GET /verify-email": .none("a confirm button"), "POST /verify-email": .event(.emailVerified),
        "GET /invitation": .none("form"), "POST /invitation": .event(.invitationAccepted),
        "POST /signout": .event(.signOut), "GET /account": .event(.accountViewed),
        "GET /account/password": .none("form"), "GET /account/contact": .event(.contactViewed),
        "POST /account/contact": .event(.contactUpdated), "POST /account/password": .event(.passwordChanged),
        "POST /account/verify-email": .none("sends a new link; nothing about health"),
        "GET /account/two-factor": .none("the person's own settings"), "POST /account/two-factor": .event(.twoFactorEnrolled),
        "GET /account/two-factor/qr.svg": .none("the enrolling person's own key"),
        "POST /account/two-factor/recovery-codes": .event(.recoveryCodesRegenerated),
        "POST /account/two-factor/disable": .event(.twoFactorDisabled),
        "GET /agreement/accept": .none("the agreement's public text"), "POST /agreement/accept": .event(.consentSigned),
        "GET /cases/new": .none("form"), "POST /cases/new": .event(.caseOpened),
        "GET /cases/join": .none("form"), "POST /cases/join": .event(.caseJoinAttempt),
        "GET /cases/join/confirm": .event(.caseViewed), "POST /cases/join/confirm": .event(.caseStateChanged),
        "GET /cases/:id": .event(.caseViewed), "GET /cases/:id/letter": .event(.letterViewed),
        "GET /cases/:id/access": .event(.caseAccessLogViewed), "POST /cases/:id/physician": .event(.caseStateChanged),
        "POST /cases/:id/reply": .event(.caseStateChanged), "GET /cases/:id/records": .event(.recordViewed),
        "POST /cases/:id/records": .event(.recordUploaded), "GET /cases/:id/records/:record/download": .event(.recordDownloaded),
        "GET /cases/:id/records/:record/view": .event(.recordViewed),
        "POST /cases/:id/records/:record/remove": .event(.recordEnteredInError),
        "GET /cases/:id/report": .event(.reportViewed), "POST /cases/:id/report": .event(.reportDraftSaved),
        "POST /cases/:id/report/release": .event(.caseStateChanged), "POST /cases/:id/report/addendum": .event(.reportAddendumSigned),
        "POST /cases/:id/report/translation": .event(.reportAddendumSigned),
        "POST /cases/:id/report/questions": .event(.followUpAsked),
        "GET /staff/cases": .event(.caseQueueViewed), "POST /staff/cases/:id/action": .event(.caseStateChanged),
        "GET /staff/physicians": .none("physicians' professional details, no patient's"),
        "POST /staff/physicians/:id/decision": .event(.physicianVerified),
        "GET /admin": .none("links"), "GET /admin/settings": .none("settings, no personal data"),
        "POST /admin/settings": .event(.settingsChanged), "GET /admin/agreement": .none("the agreement's text"),
        "POST /admin/agreement": .event(.agreementPublished), "POST /admin/agreement/edit": .none("shows the draft text again"),
        "GET /admin/agreement/translation": .none("the agreement's translations"),
        "POST /admin/agreement/translation": .event(.agreementPublished),
        "GET /admin/users": .none("names, roles and status of accounts; no health information"), "GET /admin/users/invite": .none("form"),
        "POST /admin/users/invite": .event(.userInvited), "GET /admin/users/:id": .none("an account's name, role and status"),
        "POST /admin/users/:id/:action": .event(.userDisabled), "GET /admin/audit": .event(.auditSearched),
        "GET /admin/audit.csv": .event(.auditExported),
        "GET /patients/new": .none("form"), "POST /patients/new": .none("a draft kept in the session until the next step"),
        "GET /patients/new/agreement": .none("form"), "POST /patients/new/agreement": .event(.patientAdded),
        "GET /dev/mail": .none("development only"), "GET /dev/mail/:id": .none("development only"),
    ]

    /// The routes as Routes.swift registers them, read from its source.
    static func registeredRoutes() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: root.appendingPathComponent("Sources/ConsiliumServer/Routes.swift"), encoding: .utf8)
        // groups made with a path prefix: `let staff = router.group("/staff", context: ...)`
        var prefixes: [String: String] = [:]
        for group in source.matches(of: /let (\w+) = \w+\.group\("([^"]*)"/) { prefixes[String(group.1)] = String(group.2) }
        return Set(
            source.matches(of: /(\w+)\.(get|post)\("([^"]*)"/).map { route in
                "\(route.2.uppercased()) \(prefixes[String(route.1)] ?? "")\(route.3)"
            })
    }

    @Test("every registered route has an audit expectation, and the table names no route that does not exist")
    func tableCoversRoutes() throws {
        let routes = try Self.registeredRoutes()
        #expect(routes.count > 80)
        #expect(routes.subtracting(Self.table.keys).sorted() == [], "routes without an audit expectation")
        #expect(Set(Self.table.keys).subtracting(routes).sorted() == [], "expectations for routes that do not exist")
    }

    /// Runs `request` and checks it wrote `route`'s expected event; remembers the route as walked.
    final class Walk: @unchecked Sendable {
        let dependencies: AppDependencies
        var walked: Set<String> = []
        init(_ dependencies: AppDependencies) { self.dependencies = dependencies }

        func count(_ action: AuditAction) async throws -> Int {
            try await AuditEventModel.query(on: dependencies.database.db).filter(\.$action == action.rawValue).count()
        }

        @discardableResult
        func step(_ route: String, _ request: () async throws -> TestResponse) async throws -> TestResponse {
            guard case .event(let action) = try #require(RouteAuditTests.table[route], "\(route) is not in the table") else {
                Issue.record("\(route) is expected to write no event")
                return try await request()
            }
            let before = try await count(action)
            let response = try await request()
            if try await count(action) <= before {
                Issue.record("\(route) wrote no \(action.rawValue) (status \(response.status), location \(response.location ?? "-"))")
            }
            walked.insert(route)
            return response
        }
    }

    @Test("walking every audited route as its intended user writes its event; strangers' refusals are audited too")
    func walk() async throws {
        try await TestApp.run { browser, dependencies in
            let walk = Walk(dependencies)
            let db = dependencies.database.db
            // people
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            try await CaseFixtures.consultant(dependencies, email: "helen.park@example.org", name: "Helen Park")

            // registration, email confirmation, sign-in and the account page
            let registrant = browser.fresh()
            _ = try await RegistrationFlow.step1(registrant)
            _ = try await RegistrationFlow.step2(registrant, signature: "Margaret Ellis")
            _ = try await RegistrationFlow.step3(registrant, email: "margaret.ellis@example.org")
            try await walk.step("POST /register/contact") { try await RegistrationFlow.step4(registrant) }
            let margaret = browser.fresh()
            let verifyToken = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/verify-email"))
            let mailbox = browser.fresh()
            try await mailbox.get("/verify-email?token=\(verifyToken)")
            try await walk.step("POST /verify-email") { try await mailbox.post("/verify-email", form: [("token", verifyToken)]) }
            let password = RegistrationFlow.password
            try await walk.step("POST /signin") { try await margaret.signIn("margaret.ellis@example.org", password) }
            try await walk.step("GET /account") { try await margaret.get("/account") }
            try await walk.step("GET /account/contact") { try await margaret.get("/account/contact") }
            try await walk.step("POST /account/contact") {
                try await margaret.post(
                    "/account/contact", form: RegistrationFlow.contact.map { $0.0 == "phone" ? ("phone", "617-555-0199") : $0 })
            }
            try await margaret.get("/account/password")
            try await walk.step("POST /account/password") {
                try await margaret.post(
                    "/account/password",
                    form: [
                        ("current_password", password), ("password", "Orchard-Lantern-77"), ("password_confirmation", "Orchard-Lantern-77"),
                    ])
            }
            try await margaret.get("/account")
            try await walk.step("POST /signout") { try await margaret.post("/signout") }
            try await margaret.get("/forgot-password")
            try await walk.step("POST /forgot-password") {
                try await margaret.post("/forgot-password", form: [("email", "margaret.ellis@example.org")])
            }
            let resetToken = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/reset-password"))
            try await margaret.get("/reset-password?token=\(resetToken)")
            try await walk.step("POST /reset-password") {
                try await margaret.post(
                    "/reset-password",
                    form: [("token", resetToken), ("password", "Meadow-Compass-31"), ("password_confirmation", "Meadow-Compass-31")])
            }
            try await margaret.signIn("margaret.ellis@example.org", "Meadow-Compass-31")

            // two-step sign-in, turned on, codes renewed, turned off
            let enrol = try await margaret.get("/account/two-factor")
            let secret = try TwoFactorTests.secret(fromPage: enrol.text)
            try await walk.step("POST /account/two-factor") {
                try await margaret.post("/account/two-factor", form: [("code", TwoFactorTests.code(secret))])
            }
            try await margaret.get("/account/two-factor")
            try await walk.step("POST /account/two-factor/recovery-codes") {
                try await margaret.post("/account/two-factor/recovery-codes", form: [("code", TwoFactorTests.code(secret, step: 1))])
            }
            try await margaret.get("/account/two-factor")
            try await walk.step("POST /account/two-factor/disable") {
                try await margaret.post("/account/two-factor/disable", form: [("password", "Meadow-Compass-31")])
            }
            let helen = browser.fresh()
            _ = try await helen.signIn("helen.park@example.org", Fixtures.password, enterCode: false)
            try await helen.get("/signin/code")
            try await walk.step("POST /signin/code") {
                try await helen.post(
                    "/signin/code",
                    form: [("method", "totp"), ("code", try await Fixtures.currentCode(dependencies, email: "helen.park@example.org"))])
            }

            // a case: opened, joined, confirmed, records, triage, report, release, follow-up
            let opened = try await walk.step("POST /cases/new") { try await margaret.openCase() }
            let path = try #require(opened.location)
            let caseModel = try #require(try await CaseModel.query(on: db).first())
            let id = caseModel.id!.uuidString.lowercased()
            try await walk.step("GET /cases/:id") { try await margaret.get(path) }
            try await walk.step("GET /cases/:id/letter") { try await margaret.get(path + "/letter") }
            try await walk.step("GET /cases/:id/access") { try await margaret.get(path + "/access") }
            let samuel = browser.fresh()
            try await samuel.signIn("samuel.reyes@example.org", Fixtures.password)
            try await samuel.get("/cases/join")
            try await walk.step("POST /cases/join") { try await samuel.post("/cases/join", form: [("reference", caseModel.reference)]) }
            try await walk.step("GET /cases/join/confirm") { try await samuel.get("/cases/join/confirm") }
            try await walk.step("POST /cases/join/confirm") {
                try await samuel.post(
                    "/cases/join/confirm",
                    form: [
                        ("action", "confirm"), ("confirm", "yes"), ("clinicalHistory", "AS."), ("clinicalQuestion", "TAVR?"),
                        ("materials", "Echo"),
                    ])
            }
            try await walk.step("GET /cases/:id/records") { try await samuel.get(path + "/records") }
            try await walk.step("POST /cases/:id/records") {
                try await samuel.postMultipart(
                    path + "/records", fields: [("category", "imaging")], files: [("files", "echo.pdf", RecordFixtures.pdf)])
            }
            try await samuel.postMultipart(
                path + "/records", fields: [("category", "imaging")], files: [("files", "wrong.pdf", RecordFixtures.pdf)])
            let records = try await RecordModel.query(on: db).sort(\.$createdAt).all().map { $0.id!.uuidString.lowercased() }
            try await walk.step("GET /cases/:id/records/:record/download") {
                try await samuel.get(path + "/records/\(records[0])/download")
            }
            try await samuel.get(path + "/records")
            try await walk.step("POST /cases/:id/records/:record/remove") { try await samuel.post(path + "/records/\(records[1])/remove") }
            let miguel = browser.fresh()
            try await miguel.signIn("miguel.santos@example.org", Fixtures.password)
            try await walk.step("GET /staff/cases") { try await miguel.get("/staff/cases") }
            try await miguel.get(path)
            try await walk.step("POST /staff/cases/:id/action") {
                try await miguel.post("/staff/cases/\(id)/action", form: [("action", "complete")])
            }
            try await miguel.get(path)
            try await miguel.post(
                "/staff/cases/\(id)/action", form: [("action", "request_info"), ("message", "Which medicines?"), ("audience", "patient")])
            try await margaret.get(path)
            try await walk.step("POST /cases/:id/reply") { try await margaret.post(path + "/reply", form: [("answer", "Aspirin.")]) }
            let helenID = try #require(try await UserModel.query(on: db).filter(\.$email == "helen.park@example.org").first()).id!
                .uuidString
            try await miguel.get(path)
            try await miguel.post("/staff/cases/\(id)/action", form: [("action", "assign"), ("consultant", helenID)])
            try await walk.step("GET /cases/:id/records/:record/view") { try await helen.get(path + "/records/\(records[0])/view") }
            let report = try await walk.step("GET /cases/:id/report") { try await helen.get(path + "/report") }
            var version = try #require(TestBrowser.hiddenValue("version", in: report.text))
            try await walk.step("POST /cases/:id/report") {
                try await helen.post(path + "/report", form: [("version", version), ("opinion", "First thoughts"), ("action", "save")])
            }
            version = try #require(TestBrowser.hiddenValue("version", in: (try await helen.get(path + "/report")).text))
            try await helen.post(
                path + "/report",
                form: [
                    ("version", version), ("reviewed", records[0]), ("historySummary", "AS."), ("opinion", "TAVR."),
                    ("recommendations", "Heart team."),
                    ("answers", "TAVR."), ("patientSummary", "A new valve is best for you."), ("password", Fixtures.password),
                    ("action", "sign"),
                ])
            try await miguel.get(path + "/report")
            try await miguel.get(path + "/report")
            try await walk.step("POST /cases/:id/report/translation") {
                try await miguel.post(
                    path + "/report/translation",
                    form: [
                        ("translationLanguage", "es"), ("translation", "Una válvula nueva es lo mejor para usted."),
                        ("translator", "Ana Ruiz, intérprete médica"), ("password", Fixtures.password),
                    ])
            }
            try await walk.step("POST /cases/:id/report/release") {
                try await miguel.post(path + "/report/release", form: [("confirmed", "yes")])
            }
            try await samuel.get(path + "/report")
            try await walk.step("POST /cases/:id/report/questions") {
                try await samuel.post(path + "/report/questions", form: [("question", "Is anticoagulation needed after TAVR?")])
            }
            let question = try #require(try await FollowUpQuestionModel.query(on: db).first()).id!.uuidString
            try await helen.get(path + "/report")
            try await walk.step("POST /cases/:id/report/addendum") {
                try await helen.post(
                    path + "/report/addendum", form: [("question", question), ("body", "Aspirin alone."), ("password", Fixtures.password)])
            }

            // a second case, declined by the physician and given to another
            try await margaret.openCase(question: "Second question?", diagnosis: "")
            let second = try #require(try await CaseModel.query(on: db).filter(\.$question == "Second question?").first())
            try await samuel.get("/cases/join")
            try await samuel.post("/cases/join", form: [("reference", second.reference)])
            try await samuel.get("/cases/join/confirm")
            try await samuel.post("/cases/join/confirm", form: [("action", "decline")])
            let secondPath = "/cases/\(second.id!.uuidString.lowercased())"
            try await margaret.get(secondPath)
            try await walk.step("POST /cases/:id/physician") {
                try await margaret.post(
                    secondPath + "/physician",
                    form: [("physicianName", "Dr. Ana Lopez"), ("physicianEmail", "ana.lopez@example.org"), ("physicianNPI", "")])
            }

            // physicians: registration and verification
            try await browser.fresh().get("/physicians/register")
            let newcomer = browser.fresh()
            try await newcomer.get("/physicians/register")
            var physicianForm = CaseTests.physicianForm.filter { !["email", "emailConfirmation", "npi"].contains($0.0) }
            physicianForm += [("email", "ana.lopez@example.org"), ("emailConfirmation", "ana.lopez@example.org"), ("npi", "1558598797")]
            try await walk.step("POST /physicians/register") { try await newcomer.post("/physicians/register", form: physicianForm) }
            let pending = try #require(try await PhysicianProfileModel.query(on: db).filter(\.$npi == "1558598797").first())
            try await miguel.get("/staff/physicians")
            try await walk.step("POST /staff/physicians/:id/decision") {
                try await miguel.post(
                    "/staff/physicians/\(pending.id!.uuidString.lowercased())/decision",
                    form: [("decision", "verify"), ("note", "Checked"), ("confirmed", "yes")])
            }

            // administration
            let grace = browser.fresh()
            try await grace.signIn("grace.okafor@example.org", Fixtures.password)
            try await grace.get("/admin/settings")
            try await walk.step("POST /admin/settings") {
                try await grace.post(
                    "/admin/settings",
                    form: [
                        ("countries", "US"), ("specialties", "Cardiology\nNeurology"), ("turnaround_days", "8"), ("follow_up_limit", "3"),
                    ])
            }
            try await grace.get("/admin/agreement")
            try await walk.step("POST /admin/agreement") {
                try await grace.post(
                    "/admin/agreement",
                    form: [
                        ("kind", "agreement"), ("text", String(repeating: "A new agreement for {institution}. ", count: 10)),
                        ("action", "publish"),
                    ])
            }
            try await grace.get("/admin/agreement/translation")
            try await walk.step("POST /admin/agreement/translation") {
                try await grace.post(
                    "/admin/agreement/translation",
                    form: [
                        ("kind", "agreement"), ("language", "es"),
                        ("text", String(repeating: "Un acuerdo nuevo de {institution}. ", count: 10)),
                    ])
            }
            try await margaret.post("/signout")
            try await margaret.signIn("margaret.ellis@example.org", "Meadow-Compass-31")
            let acceptance = try await margaret.get("/agreement/accept")
            try await walk.step("POST /agreement/accept") {
                try await margaret.post(
                    "/agreement/accept",
                    form: [("agree", "yes"), ("signature", "Margaret Ellis"), ("courtesyCopy", "yes"), ("action", "accept")]
                        + (TestBrowser.hiddenValue("patientID", in: acceptance.text).map { [("patientID", $0)] } ?? []))
            }
            try await grace.get("/admin/users/invite")
            try await walk.step("POST /admin/users/invite") {
                try await grace.post(
                    "/admin/users/invite", form: [("name", "Lena Berg"), ("email", "lena.berg@example.org"), ("role", "coordinator")])
            }
            let invitation = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/invitation"))
            let lena = browser.fresh()
            try await lena.get("/invitation?token=\(invitation)")
            try await walk.step("POST /invitation") {
                try await lena.post(
                    "/invitation",
                    form: [("token", invitation), ("password", "Harbor-Lantern-62"), ("password_confirmation", "Harbor-Lantern-62")])
            }
            let lenaID = try #require(try await UserModel.query(on: db).filter(\.$email == "lena.berg@example.org").first()).id!.uuidString
                .lowercased()
            try await grace.get("/admin/users/\(lenaID)")
            try await walk.step("POST /admin/users/:id/:action") {
                try await grace.post("/admin/users/\(lenaID)/disable", form: [("confirmed", "yes")])
            }
            try await walk.step("GET /admin/audit") { try await grace.get("/admin/audit?action=case.viewed") }
            try await walk.step("GET /admin/audit.csv") { try await grace.get("/admin/audit.csv") }

            // a family member adds a patient
            let daniel = browser.fresh()
            _ = try await RegistrationFlow.step1(daniel, RegistrationFlow.familyStep1)
            _ = try await RegistrationFlow.step2(daniel, signature: "Daniel Ellis")
            _ = try await RegistrationFlow.step3(daniel, email: "daniel.ellis@example.org")
            _ = try await RegistrationFlow.step4(daniel)
            try await daniel.signIn("daniel.ellis@example.org", RegistrationFlow.password)
            try await daniel.get("/patients/new")
            var tom = RegistrationFlow.familyStep1.filter { !["patientFirstName", "birthYear"].contains($0.0) }
            tom += [("patientFirstName", "Tom"), ("birthYear", "2017")]
            #expect(try await daniel.post("/patients/new", form: tom).location == "/patients/new/agreement")
            try await daniel.get("/patients/new/agreement")
            try await walk.step("POST /patients/new/agreement") {
                try await daniel.post(
                    "/patients/new/agreement",
                    form: [("agree", "yes"), ("signature", "Daniel Ellis"), ("courtesyCopy", "yes"), ("action", "accept")])
            }

            // check: every route expected to write an event was walked
            let audited = Set(Self.table.filter { if case .event = $0.value { true } else { false } }.keys)
            #expect(audited.subtracting(walk.walked).sorted() == [], "audited routes the walk did not reach")

            // strangers: every case route refuses a person with no part in the case, and records it
            let stranger = browser.fresh()
            try await Fixtures.user(dependencies, email: "ivan.petrov@example.org", name: "Ivan Petrov")
            try await stranger.signIn("ivan.petrov@example.org", Fixtures.password)
            let refusalsBefore = try await walk.count(.permissionDenied)
            let caseGets = [
                "", "/letter", "/access", "/records", "/records/\(records[0])/download", "/records/\(records[0])/view", "/report",
            ]
            for suffix in caseGets { #expect(try await stranger.get(path + suffix).status == .notFound, "\(suffix)") }
            for area in ["/admin", "/admin/audit.csv", "/staff/cases", "/staff/physicians"] {
                #expect(try await stranger.get(area).status == .notFound, "\(area)")
            }
            #expect(try await walk.count(.permissionDenied) - refusalsBefore == caseGets.count + 4)
            #expect(try await AuditCommands(dependencies).verify().problem == nil)
            // every page the walk rendered found each name its template asked for
            #expect(dependencies.unresolvedTemplateKeys.all == [], "template names that resolved to nothing")
        }
    }
}
