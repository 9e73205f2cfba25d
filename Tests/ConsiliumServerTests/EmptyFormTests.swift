import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

/// Every form of the site, sent empty as a person in a hurry would: the same page comes back
/// with an error summary and the error beside the field, never the generic "We could not
/// understand that request" page. A POST route added without a line here fails the first test.
@Suite("Every form sent empty comes back as the form")
struct EmptyFormTests {
    /// nil: the route is a form with something to type, walked empty below. Otherwise why it is
    /// not: a button whose post has nothing to leave empty, or a form walked elsewhere.
    static let table: [String: String?] = [
        "POST /signin": nil, "POST /signin/code": nil, "POST /forgot-password": nil, "POST /reset-password": nil,
        "POST /register": nil, "POST /register/agreement": "reached only with step 1 in the session; RegistrationTests walks it",
        "POST /register/account": "reached only with steps 1 and 2 in the session; RegistrationTests walks it",
        "POST /register/contact": "reached only with steps 1 to 3 in the session; RegistrationTests walks it",
        "POST /physicians/register": nil, "POST /verify-email": "a button carrying the link's token",
        "POST /invitation": "reached with an invitation's token; AdministrationTests walks it", "POST /signout": "a button",
        "POST /account/contact": nil, "POST /account/password": nil, "POST /account/verify-email": "a button",
        "POST /account/two-factor": "reached while enrolling; TwoFactorTests sends it wrong and empty",
        "POST /account/two-factor/recovery-codes": "reached with two-step sign-in on; TwoFactorTests walks it",
        "POST /account/two-factor/disable": "reached with two-step sign-in on; TwoFactorTests walks it",
        "POST /agreement/accept": "reached only when a new version waits; AgreementVersionTests walks it",
        "POST /cases/new": nil, "POST /cases/join": nil, "POST /cases/join/confirm": "reached after a join; CaseTests walks it",
        "POST /cases/:id/physician": nil, "POST /cases/:id/reply": nil,
        "POST /cases/:id/records": "files, as multipart; RecordsTests sends an empty selection",
        "POST /cases/:id/records/:record/remove": "a button, with a confirmation", "POST /cases/:id/report": "a draft may be saved empty",
        "POST /cases/:id/report/release": "a button, with a confirmation",
        "POST /cases/:id/report/addendum": "reached with a follow-up question; ReportTests walks it",
        "POST /cases/:id/report/translation": "needs a signed report with a summary; ReportTests walks it empty",
        "POST /cases/:id/report/questions": "reached after release; ReportTests walks it", "POST /staff/cases/:id/action": nil,
        "POST /staff/physicians/:id/decision": nil, "POST /admin/settings": nil, "POST /admin/agreement": nil,
        "POST /admin/agreement/edit": "shows the draft again, empty or not", "POST /admin/agreement/translation": nil,
        "POST /admin/users/invite": nil,
        "POST /admin/users/:id/:action": "buttons, with a confirmation", "POST /patients/new": nil,
        "POST /patients/new/agreement": "reached only with the patient's details in the session; RegistrationTests walks it",
    ]

    @Test("every POST route is listed: walked empty here, or why not")
    func tableCoversForms() throws {
        let posts = try RouteAuditTests.registeredRoutes().filter { $0.hasPrefix("POST ") }
        #expect(posts.subtracting(Self.table.keys).sorted() == [], "forms not listed")
        #expect(Set(Self.table.keys).subtracting(posts).sorted() == [], "listed routes that do not exist")
    }

    /// The page came back as the form, with its error summary and an error beside a field.
    static func expectForm(_ response: TestResponse, _ route: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let heading = response.text.firstMatch(of: /<h1>([^<]*)<\/h1>/).map { String($0.1) } ?? "no heading"
        let detail = response.text.firstMatch(of: /class="error-detail">([^<]*)</).map { ": " + String($0.1) } ?? ""
        let route = "\(route) (\"\(heading)\"\(detail))"
        #expect(
            !response.text.contains("We could not understand that request"), "\(route) answered the generic page",
            sourceLocation: sourceLocation)
        #expect(
            [.badRequest, .ok, .unauthorized].contains(response.status), "\(route) answered \(response.status)",
            sourceLocation: sourceLocation)
        #expect(response.text.contains("class=\"error-summary\""), "\(route) has no error summary", sourceLocation: sourceLocation)
        #expect(response.text.contains("class=\"error-message\""), "\(route) has no error beside a field", sourceLocation: sourceLocation)
    }

    @Test("forms anyone can reach")
    func anonymousForms() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            for (page, route) in [
                ("/signin", "/signin"), ("/forgot-password", "/forgot-password"), ("/register", "/register"),
                ("/physicians/register", "/physicians/register"),
            ] {
                let visitor = browser.fresh()
                try await visitor.get(page)
                Self.expectForm(try await visitor.post(route, form: []), "POST \(route)")
            }
            // the code step of sign-in, for someone with two-step sign-in
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let staff = browser.fresh()
            let signedIn = try await staff.signIn("miguel.santos@example.org", Fixtures.password, enterCode: false)
            #expect(signedIn.location == "/signin/code")
            try await staff.get("/signin/code")
            Self.expectForm(try await staff.post("/signin/code", form: [("method", "totp")]), "POST /signin/code")
            // a reset link's form, sent empty
            let resetting = browser.fresh()
            try await resetting.get("/forgot-password")
            try await resetting.post("/forgot-password", form: [("email", "margaret.ellis@example.org")])
            let token = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/reset-password"))
            try await resetting.get("/reset-password?token=\(token)")
            Self.expectForm(try await resetting.post("/reset-password", form: [("token", token)]), "POST /reset-password")
        }
    }

    @Test("forms of the patient's account and requests")
    func patientForms() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await CaseFixtures.confirmedCase(dependencies)
            let id = caseModel.id!.uuidString.lowercased()
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            for (page, route) in [
                ("/account/contact", "/account/contact"), ("/account/password", "/account/password"), ("/cases/new", "/cases/new"),
            ] {
                try await browser.get(page)
                Self.expectForm(try await browser.post(route, form: []), "POST \(route)")
            }
            // a family member adds another patient they act for
            try await Fixtures.user(dependencies, email: "daniel.ellis@example.org", name: "Daniel Ellis", role: .familyMember)
            let daniel = browser.fresh()
            try await daniel.signIn("daniel.ellis@example.org", Fixtures.password)
            try await daniel.get("/patients/new")
            Self.expectForm(try await daniel.post("/patients/new", form: []), "POST /patients/new")
            // the physician did not confirm: name another, empty
            caseModel.state = .physicianDeclined
            try await caseModel.update(on: dependencies.database.db)
            try await browser.get("/cases/\(id)")
            Self.expectForm(try await browser.post("/cases/\(id)/physician", form: []), "POST /cases/:id/physician")
            // asked for more information: answer, empty
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let coordinator = browser.fresh()
            try await coordinator.signIn("miguel.santos@example.org", Fixtures.password)
            caseModel.state = .physicianConfirmed
            try await caseModel.update(on: dependencies.database.db)
            try await coordinator.get("/cases/\(id)")
            try await coordinator.post("/staff/cases/\(id)/action", form: [("action", "complete")])
            try await coordinator.post("/staff/cases/\(id)/action", form: [("action", "request_info"), ("message", "The echo, please.")])
            let page = try await browser.get("/cases/\(id)")
            #expect(page.text.contains("Your answer"))
            Self.expectForm(try await browser.post("/cases/\(id)/reply", form: [("answer", "  ")]), "POST /cases/:id/reply")
        }
    }

    @Test("forms of physicians, coordinators and administrators")
    func staffForms() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await CaseFixtures.confirmedCase(dependencies)
            let id = caseModel.id!.uuidString.lowercased()
            let samuel = browser.fresh()
            try await samuel.signIn("samuel.reyes@example.org", Fixtures.password)
            try await samuel.get("/cases/join")
            Self.expectForm(try await samuel.post("/cases/join", form: []), "POST /cases/join")
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let coordinator = browser.fresh()
            try await coordinator.signIn("miguel.santos@example.org", Fixtures.password)
            try await coordinator.get("/cases/\(id)")
            try await coordinator.post("/staff/cases/\(id)/action", form: [("action", "complete")])
            try await CaseFixtures.consultant(dependencies, email: "helen.park@example.org", name: "Helen Park")
            for action in ["request_info", "decline", "courtesy_optout", "assign"] {
                try await coordinator.get("/cases/\(id)")
                Self.expectForm(
                    try await coordinator.post(
                        "/staff/cases/\(id)/action", form: [("action", action), ("message", ""), ("consultant", "")]),
                    "POST /staff/cases/:id/action (\(action))")
            }
            let pending = try await CaseFixtures.physician(
                dependencies, email: "x.doc@example.org", name: "X Doc", npi: "1558598797", verified: false)
            let pendingID = try #require(pending.userID)
            let profile = try #require(try await PhysicianDirectory.profile(of: pendingID, on: dependencies.database.db))
            try await coordinator.get("/staff/physicians")
            Self.expectForm(
                try await coordinator.post("/staff/physicians/\(profile.id!.uuidString.lowercased())/decision", form: []),
                "POST /staff/physicians/:id/decision")
            try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            let administrator = browser.fresh()
            try await administrator.signIn("grace.okafor@example.org", Fixtures.password)
            for route in ["/admin/settings", "/admin/users/invite"] {
                try await administrator.get(route)
                Self.expectForm(try await administrator.post(route, form: []), "POST \(route)")
            }
            // the kind of document is the form's hidden field; the text is what can be left empty
            try await administrator.get("/admin/agreement")
            Self.expectForm(try await administrator.post("/admin/agreement", form: [("kind", "agreement")]), "POST /admin/agreement")
            // a version without its translation yet, as the form is only offered for one
            try await dependencies.agreements.publish(.agreement, body: String(repeating: "A new text for {institution}. ", count: 10))
            try await administrator.get("/admin/agreement/translation")
            Self.expectForm(
                try await administrator.post("/admin/agreement/translation", form: [("kind", "agreement"), ("language", "es")]),
                "POST /admin/agreement/translation")
        }
    }

    /// Posts `form` as a browser's navigation from `page` does.
    static func navigate(_ browser: TestBrowser, from page: String, to path: String, form: [(String, String)]) async throws -> TestResponse
    {
        let fields = form + [("_csrf", browser.csrfToken)]
        let body = fields.map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[HTTPField.Name("Referer")!] = browser.origin + page
        headers[HTTPField.Name("Origin")!] = browser.origin
        headers[HTTPField.Name("Sec-Fetch-Dest")!] = "document"
        return try await browser.send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("a browser's form comes back at the page it was on, once, so Back never posts it again")
    func postRedirectGet() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.get("/signin?next=/account")
            let posted = try await Self.navigate(browser, from: "/signin?next=/account", to: "/signin", form: [("email", "")])
            #expect(posted.status == .seeOther)
            #expect(posted.location == "/signin?next=/account")
            let shown = try await browser.get("/signin?next=/account")
            Self.expectForm(shown, "GET /signin after the post")
            // shown once: the page itself afterwards
            let again = try await browser.get("/signin")
            #expect(again.status == .ok && !again.text.contains("class=\"error-summary\""))
            // a client that is not navigating a page (a test, a script) gets the answer itself
            let direct = try await browser.post("/signin", form: [("email", "")])
            #expect(direct.status != .seeOther && direct.text.contains("class=\"error-summary\""))
            // success redirects as it always did
            let signedIn = try await Self.navigate(
                browser, from: "/signin", to: "/signin", form: [("email", "margaret.ellis@example.org"), ("password", Fixtures.password)])
            #expect(signedIn.status == .seeOther && signedIn.location != "/signin")
        }
    }
}
