import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Coordinator triage")
struct TriageTests {
    /// A confirmed cardiology case, a coordinator and two cardiology consultants (one busy) and a dermatologist.
    func setup(_ dependencies: AppDependencies) async throws -> (CaseModel, String) {
        let caseModel = try await CaseFixtures.confirmedCase(dependencies)
        try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
        try await CaseFixtures.consultant(dependencies, email: "helen.park@example.org", name: "Helen Park")
        try await CaseFixtures.consultant(dependencies, email: "raj.iyer@example.org", name: "Raj Iyer")
        try await CaseFixtures.consultant(dependencies, email: "lena.berg@example.org", name: "Lena Berg", specialty: "Dermatology")
        return (caseModel, caseModel.id!.uuidString.lowercased())
    }

    func coordinator(_ browser: TestBrowser) async throws -> TestBrowser {
        let coordinator = browser.fresh()
        try await coordinator.signIn("miguel.santos@example.org", Fixtures.password)
        return coordinator
    }

    func act(_ browser: TestBrowser, _ id: String, _ form: [(String, String)]) async throws -> TestResponse {
        try await browser.get("/cases/\(id)")
        return try await browser.post("/staff/cases/\(id)/action", form: form)
    }

    func state(_ dependencies: AppDependencies, _ caseModel: CaseModel) async throws -> CaseState? {
        try await CaseModel.find(caseModel.id, on: dependencies.database.db)?.state
    }

    @Test("records complete, then assignment to the least busy consultant of the specialty, who then sees the case")
    func completeAndAssign() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, id) = try await setup(dependencies)
            let coordinator = try await coordinator(browser)
            #expect(try await act(coordinator, id, [("action", "complete")]).location == "/cases/\(id)")
            #expect(try await state(dependencies, caseModel) == .inReview)
            let page = try await coordinator.get("/cases/\(id)")
            #expect(page.text.contains("since the records were complete, against a target of 7 days"))
            // only consultants of the case's specialty are offered, with their load
            #expect(page.text.contains("Helen Park (0 open)") && page.text.contains("Raj Iyer (0 open)"))
            #expect(!page.text.contains("Lena Berg"))
            let helen = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "helen.park@example.org").first())
            let lena = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "lena.berg@example.org").first())
            #expect(try await act(coordinator, id, [("action", "assign"), ("consultant", lena.id!.uuidString)]).status == .badRequest)
            #expect(
                try await act(coordinator, id, [("action", "assign"), ("consultant", helen.id!.uuidString)]).location == "/cases/\(id)")
            #expect(try await state(dependencies, caseModel) == .assigned)
            #expect(
                try await Fixtures.outbox(dependencies).contains { $0.recipient == "helen.park@example.org" && $0.kind == "case_assigned" })
            // the consultant now sees it, and its records; the other consultant does not
            let consultant = browser.fresh()
            try await consultant.signIn("helen.park@example.org", Fixtures.password)
            #expect(try await consultant.get("/cases/\(id)").status == .ok)
            #expect(try await consultant.get("/cases/\(id)/records").status == .ok)
            #expect(try await consultant.get("/account").text.contains(caseModel.caseReference!.display))
            let other = browser.fresh()
            try await other.signIn("raj.iyer@example.org", Fixtures.password)
            #expect(try await other.get("/cases/\(id)").status == .notFound)
            // reassignment moves it, and the load counts follow
            let raj = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "raj.iyer@example.org").first())
            #expect(try await coordinator.get("/cases/\(id)").text.contains("Helen Park (1 open)"))
            #expect(try await act(coordinator, id, [("action", "assign"), ("consultant", raj.id!.uuidString)]).location == "/cases/\(id)")
            #expect(try await consultant.get("/cases/\(id)").status == .notFound)
            #expect(try await other.get("/cases/\(id)").status == .ok)
            let events = try await CaseEventModel.query(on: dependencies.database.db).sort(\.$occurredAt).all().map(\.reason)
            #expect(events.suffix(2) == ["Assigned to Helen Park", "Reassigned to Raj Iyer"])
        }
    }

    @Test("a request for more information reaches only its audience; records sent bring the case back to review")
    func requestInformation() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, id) = try await setup(dependencies)
            let coordinator = try await coordinator(browser)
            _ = try await act(coordinator, id, [("action", "complete")])
            #expect(
                try await act(coordinator, id, [("action", "request_info"), ("message", ""), ("audience", "physician")]).status
                    == .badRequest)
            _ = try await act(
                coordinator, id,
                [("action", "request_info"), ("message", "Please send the echocardiogram images."), ("audience", "physician")])
            #expect(try await state(dependencies, caseModel) == .infoRequested)
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", Fixtures.password)
            #expect(try await physician.get("/cases/\(id)").text.contains("Please send the echocardiogram images."))
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(!(try await browser.get("/cases/\(id)").text.contains("echocardiogram images")))
            let toPhysician = try #require(
                try await Fixtures.outbox(dependencies).first { $0.recipient == "samuel.reyes@example.org" && $0.kind == "case_update" })
            #expect(toPhysician.subject == "There is news about a second-opinion request of your patient", "worded for the physician")
            #expect(!toPhysician.bodyText.contains("echocardiogram"), "what was asked stays behind the sign-in")
            // the physician sends records: back to the coordinators
            try await physician.get("/cases/\(id)/records")
            let sent = try await physician.postMultipart(
                "/cases/\(id)/records", files: [("files", "echo.pdf", Array("%PDF-1.4 echo".utf8))])
            #expect(sent.status == .seeOther)
            #expect(try await state(dependencies, caseModel) == .inReview)
            // asked again, the patient answers in words this time
            _ = try await act(
                coordinator, id, [("action", "request_info"), ("message", "Which medicines do you take?"), ("audience", "patient")])
            let asked = try await browser.get("/cases/\(id)")
            #expect(asked.text.contains("Send my answer"))
            #expect(!(try await physician.get("/cases/\(id)").text.contains("Send my answer")))
            #expect(try await browser.post("/cases/\(id)/reply", form: [("answer", "Metoprolol and aspirin.")]).location == "/cases/\(id)")
            #expect(try await state(dependencies, caseModel) == .inReview)
            #expect(try await coordinator.get("/cases/\(id)").text.contains("Metoprolol and aspirin."))
            try await browser.get("/cases/\(id)")
            #expect(try await browser.post("/cases/\(id)/reply", form: [("answer", "Again")]).status == .conflict)
        }
    }

    @Test("a declined case shows its reason to the patient and the physician")
    func decline() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, id) = try await setup(dependencies)
            let coordinator = try await coordinator(browser)
            _ = try await act(coordinator, id, [("action", "complete")])
            // left empty, the case page comes back with the error beside the reason, not the 400 page
            let empty = try await act(coordinator, id, [("action", "decline"), ("message", " ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("id=\"decline-message-error\""))
            #expect(empty.text.contains("Write the reason the patient and physician will read."))
            #expect(empty.text.contains("<h1>Second-opinion request</h1>") && !empty.text.contains("We could not understand"))
            // a reason leads to a confirming step that repeats it; nothing is declined yet
            let reason = [("action", "decline"), ("message", "This question needs an examination in person.")]
            let asked = try await act(coordinator, id, reason)
            #expect(asked.status == .ok && asked.text.contains("Yes, decline the request"))
            #expect(asked.text.contains("This question needs an examination in person."))
            #expect(try await state(dependencies, caseModel) == .inReview)
            _ = try await act(coordinator, id, reason + [("confirmed", "yes")])
            #expect(try await state(dependencies, caseModel) == .declined)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let page = try await browser.get("/cases/\(id)")
            #expect(page.text.contains("Not suitable for a remote opinion"))
            #expect(page.text.contains("This question needs an examination in person."))
            // nothing more can happen to it
            #expect(try await act(coordinator, id, [("action", "complete")]).status == .conflict)
        }
    }

    @Test("a telephoned courtesy-copy opt-out is recorded with who, when and the call's note")
    func courtesyOptOut() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, id) = try await setup(dependencies)
            let coordinator = try await coordinator(browser)
            #expect(try await coordinator.get("/cases/\(id)").text.contains("<strong>To be sent when the report is released</strong>"))
            let empty = try await act(coordinator, id, [("action", "courtesy_optout"), ("message", "")])
            #expect(empty.status == .badRequest && empty.text.contains("id=\"optout-note-error\""))
            _ = try await act(
                coordinator, id, [("action", "courtesy_optout"), ("message", "Mrs Ellis called: report to her doctor only.")])
            let page = try await coordinator.get("/cases/\(id)")
            #expect(page.text.contains("Declined by telephone"))
            #expect(page.text.contains("recorded by Miguel Santos: Mrs Ellis called: report to her doctor only."))
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.courtesyCopyDeclinedByPhone.rawValue))
        }
    }

    @Test("no one but coordinators and administrators can triage; the wrong moves are refused")
    func refusals() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, id) = try await setup(dependencies)
            for email in ["margaret.ellis@example.org", "samuel.reyes@example.org", "helen.park@example.org"] {
                let visitor = browser.fresh()
                try await visitor.signIn(email, Fixtures.password)
                try await visitor.get("/account")
                #expect(try await visitor.post("/staff/cases/\(id)/action", form: [("action", "complete")]).status == .notFound, "\(email)")
                #expect(try await visitor.get("/staff/cases").status == .notFound, "\(email)")
            }
            #expect(try await state(dependencies, caseModel) == .physicianConfirmed)
            // a case id that is no case: the same 404, and the refusal is recorded
            let staff = try await coordinator(browser)
            try await staff.get("/staff/cases")
            let refusals = try await Fixtures.auditActions(dependencies).filter { $0 == AuditAction.permissionDenied.rawValue }.count
            #expect(
                try await staff.post("/staff/cases/\(UUID().uuidString.lowercased())/action", form: [("action", "complete")]).status
                    == .notFound)
            #expect(
                try await Fixtures.auditActions(dependencies).filter { $0 == AuditAction.permissionDenied.rawValue }.count == refusals + 1)
            // assigning before the records are complete is refused
            let coordinator = try await coordinator(browser)
            let helen = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "helen.park@example.org").first())
            #expect(try await act(coordinator, id, [("action", "assign"), ("consultant", helen.id!.uuidString)]).status == .conflict)
        }
    }

    @Test("the queue filters, finds by reference or name, and pages by keyset without repeats or gaps")
    func queue() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            var references: [String] = []
            for _ in 0..<60 {
                references.append(
                    try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "x@example.org").reference)
            }
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let coordinator = try await coordinator(browser)
            var seen: [String] = []
            var next: String? = "/staff/cases?order=newest"
            while let url = next {
                let page = try await coordinator.get(url)
                #expect(page.status == .ok)
                seen += references.filter { reference in (try? CaseReference(reference)).map { page.text.contains($0.display) } ?? false }
                next = page.text.range(of: "href=\"/staff/cases?").map { range in
                    let rest = page.text[range.upperBound...]
                    return "/staff/cases?" + rest.prefix { $0 != "\"" }.replacingOccurrences(of: "&amp;", with: "&")
                }
            }
            #expect(seen.count == 60)
            #expect(Set(seen).count == 60)
            let found = try await coordinator.get("/staff/cases?q=\(references[7])")
            #expect(found.text.contains(try CaseReference(references[7]).display))
            #expect(!found.text.contains(try CaseReference(references[8]).display))
            let byName = try await coordinator.get("/staff/cases?q=ellis")
            #expect(byName.text.contains("Margaret Ellis"))
            #expect(try await coordinator.get("/staff/cases?q=nobody").text.contains("No case matches."))
            #expect(try await coordinator.get("/staff/cases?state=declined").text.contains("No case matches."))
        }
    }

    @Test("the patient's language and interpreter need show on the queue and the case page, and filter the queue")
    func languageFilter() async throws {
        try await TestApp.run { browser, dependencies in
            let (rosa, rosaPatient) = try await CaseFixtures.patientAccount(
                dependencies, email: "rosa.delgado@example.org", first: "Rosa", last: "Delgado", language: "es", interpreter: true)
            let (ana, anaPatient) = try await CaseFixtures.patientAccount(
                dependencies, email: "ana.silva@example.org", first: "Ana", last: "Silva", language: "pt")
            let (ruth, ruthPatient) = try await CaseFixtures.patientAccount(
                dependencies, email: "ruth.gallagher@example.org", first: "Ruth", last: "Gallagher")
            let rosaCase = try await CaseFixtures.openCase(dependencies, by: rosa, for: rosaPatient, physicianEmail: "x@example.org")
            _ = try await CaseFixtures.openCase(dependencies, by: ana, for: anaPatient, physicianEmail: "x@example.org")
            _ = try await CaseFixtures.openCase(dependencies, by: ruth, for: ruthPatient, physicianEmail: "x@example.org")
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            let coordinator = try await coordinator(browser)

            let all = try await coordinator.get("/staff/cases")
            #expect(all.text.contains(#"<td data-label="Language">Spanish, interpreter needed</td>"#))
            #expect(all.text.contains(#"<td data-label="Language">Portuguese</td>"#))
            // the filter offers the languages patients prefer, by name
            #expect(all.text.contains(#"<option value="interpreter">Needs an interpreter</option>"#))
            #expect(all.text.contains(#"<option value="pt">Portuguese</option>"#))
            #expect(!all.text.contains(#"<option value="fr">"#))

            let interpreter = try await coordinator.get("/staff/cases?language=interpreter")
            #expect(interpreter.text.contains("Rosa Delgado"))
            #expect(!interpreter.text.contains("Ana Silva") && !interpreter.text.contains("Ruth Gallagher"))
            #expect(interpreter.text.contains(#"<option value="interpreter" selected>"#))
            let portuguese = try await coordinator.get("/staff/cases?language=pt")
            #expect(portuguese.text.contains("Ana Silva") && !portuguese.text.contains("Rosa Delgado"))
            // with a name search too, and an unknown language ignored rather than refused
            #expect(try await coordinator.get("/staff/cases?language=es&q=delgado").text.contains("Rosa Delgado"))
            #expect(try await coordinator.get("/staff/cases?language=pt&q=delgado").text.contains("No case matches."))
            #expect(try await coordinator.get("/staff/cases?language=zz").text.contains("Ruth Gallagher"))

            let casePage = try await coordinator.get("/cases/\(try rosaCase.requireID().uuidString.lowercased())")
            #expect(casePage.text.contains("<dt>Patient&#39;s language</dt><dd>Spanish, interpreter needed</dd>"))
            // the patient's own page does not label them
            let patientView = browser.fresh()
            try await patientView.signIn("rosa.delgado@example.org", Fixtures.password)
            let own = try await patientView.get("/cases/\(try rosaCase.requireID().uuidString.lowercased())")
            #expect(own.status == .ok && !own.text.contains("interpreter needed"))
        }
    }

    @Test("one request, two languages: the Spanish-speaking patient is written to in Spanish, the physician in English")
    func mailInEachRecipientsLanguage() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, id) = try await setup(dependencies)
            let patient = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.ellis@example.org").first())
            patient.language = "es"
            try await patient.update(on: dependencies.database.db)
            let coordinator = try await coordinator(browser)
            _ = try await act(coordinator, id, [("action", "complete")])
            _ = try await act(
                coordinator, id, [("action", "request_info"), ("message", "Please send the latest scans."), ("audience", "both")])
            let mail = try await Fixtures.outbox(dependencies).filter { $0.kind == "case_update" }
            let toPatient = try #require(mail.first { $0.recipient == "margaret.ellis@example.org" })
            let toPhysician = try #require(mail.first { $0.recipient == "samuel.reyes@example.org" })
            #expect(toPatient.subject == "Hay novedades sobre su solicitud de segunda opinión")
            #expect(toPatient.bodyText.hasPrefix("Hola:\n\nHubo un cambio en su solicitud de segunda opinión."))
            #expect(toPhysician.subject == "There is news about a second-opinion request of your patient")
            #expect(toPhysician.bodyText.hasPrefix("Hello,\n\nSomething has changed"))
            for each in [toPatient, toPhysician] { #expect(!each.bodyText.contains("scans"), "what was asked stays behind the sign-in") }
        }
    }
}

@Suite("The queue's list of languages patients prefer")
struct PresentLanguagesTests {
    @Test("read once a minute: a new language shows after the refresh, not on every page")
    func refresh() async throws {
        try await TestApp.run { _, dependencies in
            try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis", language: "en")
            let languages = PresentLanguages()
            let start = Date()
            #expect(try await languages.codes(on: dependencies.database.db, now: start) == ["en"])
            try await CaseFixtures.patientAccount(
                dependencies, email: "walter.price@example.org", first: "Walter", last: "Price", language: "es", interpreter: true)
            #expect(try await languages.codes(on: dependencies.database.db, now: start.addingTimeInterval(30)) == ["en"])
            let later = try await languages.codes(on: dependencies.database.db, now: start.addingTimeInterval(61))
            #expect(Set(later) == ["en", "es"])
        }
    }
}
