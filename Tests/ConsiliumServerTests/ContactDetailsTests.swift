import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Contact details on the account page")
struct ContactDetailsTests {
    @Test("a patient sees the details given at registration, changes them with the same checks, and both are audited")
    func viewAndChange() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: registered through the wizard, so the contact details are on file
            _ = try await RegistrationFlow.registerPatient(browser.fresh())
            let token = try #require(try await Fixtures.lastLinkToken(dependencies, path: "/verify-email"))
            let margaret = browser.fresh()
            try await margaret.get("/verify-email?token=\(token)")
            try await margaret.post("/verify-email", form: [("token", token)])
            try await margaret.signIn("margaret.ellis@example.org", RegistrationFlow.password)
            // act and check
            let account = try await margaret.get("/account")
            #expect(account.text.contains("12 Beacon Street") && account.text.contains("(617) 555-0134</a>, best mornings, 8 am to noon"))
            let form = try await margaret.get("/account/contact")
            #expect(form.text.contains("value=\"(617) 555-0134\"") && form.text.contains("value=\"02108\""))
            var changed = RegistrationFlow.contact.filter { $0.0 != "phone" && $0.0 != "postalCode" }
            let bad = try await margaret.post("/account/contact", form: changed + [("phone", "555-01"), ("postalCode", "02108")])
            #expect(bad.status == .badRequest && bad.text.contains("Enter a U.S. number of 10 digits"))
            #expect(bad.text.contains("value=\"555-01\""), "what was typed is shown again")
            changed += [("phone", "+44 20 7946 0958"), ("postalCode", "02108")]
            #expect(try await margaret.post("/account/contact", form: changed).location == "/account")
            let stored = try #require(try await ContactDetailsModel.query(on: dependencies.database.db).first())
            #expect(stored.phone == "+442079460958")
            #expect(try await margaret.get("/account").text.contains("+44 2079460958"))
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.contains(AuditAction.contactViewed.rawValue) && actions.contains(AuditAction.contactUpdated.rawValue))
            // staff have no contact details here
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let miguel = browser.fresh()
            try await miguel.signIn("miguel.santos@example.org", Fixtures.password)
            #expect(!(try await miguel.get("/account").text.contains("Your contact details")))
            // a coordinator reads them on the request, to telephone (and that view is audited)
            let opened = try await margaret.openCase()
            let path = try #require(opened.location)
            let page = try await miguel.get(path)
            #expect(
                page.text.contains(
                    "<h3>To telephone</h3><p>Margaret Ellis: +44 2079460958, best mornings, 8 am to noon; 12 Beacon Street, Boston, MA 02108"
                ))
            #expect(!(try await margaret.get(path).text.contains("To telephone")), "only staff see the coordination panel")
        }
    }
}
