import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Audit trail of a case's whole life")
struct AuditTrailTests {
    /// One event as the privacy officer reads it: what was done, and by whom (role).
    struct Entry: Equatable, CustomStringConvertible {
        let action: AuditAction
        let role: Role?
        var description: String { "\(action.rawValue) by \(role?.rawValue ?? "system")" }
        init(_ action: AuditAction, _ role: Role?) {
            self.action = action
            self.role = role
        }
    }

    @Test("opening, joining, records, triage, report, release and reading: exactly the expected events about the patient")
    func lifecycle() async throws {
        try await TestApp.run { browser, dependencies in
            // setup (system events: the fixtures register the patient directly)
            let (_, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            try await CaseFixtures.consultant(dependencies, email: "helen.park@example.org", name: "Helen Park")
            let helen = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "helen.park@example.org").first())
            let patientID = try patient.requireID()
            let before = try await AuditEventModel.query(on: dependencies.database.db).filter(\.$patientID == patientID).count()

            // the patient opens the request and looks at it
            let margaret = browser.fresh()
            try await margaret.signIn("margaret.ellis@example.org", Fixtures.password)
            let opened = try await margaret.openCase()
            let path = try #require(opened.location)
            try await margaret.get(path)
            let caseModel = try #require(try await CaseModel.query(on: dependencies.database.db).first())
            let id = caseModel.id!.uuidString.lowercased()
            // the physician joins by number, reads the request, confirms and sends a record
            let samuel = browser.fresh()
            try await samuel.signIn("samuel.reyes@example.org", Fixtures.password)
            try await samuel.get("/cases/join")
            try await samuel.post("/cases/join", form: [("reference", caseModel.caseReference!.display)])
            try await samuel.get("/cases/join/confirm")
            try await samuel.post(
                "/cases/join/confirm",
                form: [
                    ("action", "confirm"), ("confirm", "yes"), ("clinicalHistory", "Severe AS."), ("clinicalQuestion", "TAVR or SAVR?"),
                    ("materials", "Echo"),
                ])
            try await samuel.get(path + "/records")
            try await samuel.postMultipart(
                path + "/records", fields: [("category", "imaging")], files: [("files", "echo.pdf", RecordFixtures.pdf)])
            let record = try #require(try await RecordModel.query(on: dependencies.database.db).first()).id!.uuidString.lowercased()
            // the coordinator finds it in the queue, starts the review and assigns Helen
            let miguel = browser.fresh()
            try await miguel.signIn("miguel.santos@example.org", Fixtures.password)
            try await miguel.get("/staff/cases")
            try await miguel.get(path)
            try await miguel.post("/staff/cases/\(id)/action", form: [("action", "complete")])
            try await miguel.get(path)
            try await miguel.post("/staff/cases/\(id)/action", form: [("action", "assign"), ("consultant", helen.id!.uuidString)])
            // the consultant reads the record and writes and signs the report
            let consultant = browser.fresh()
            try await consultant.signIn("helen.park@example.org", Fixtures.password)
            try await consultant.get(path + "/records/\(record)/view")
            let report = try await consultant.get(path + "/report")
            let version = try #require(TestBrowser.hiddenValue("version", in: report.text))
            let signed = try await consultant.post(
                path + "/report",
                form: [
                    ("version", version), ("reviewed", record), ("historySummary", "75-year-old with severe AS."), ("opinion", "TAVR."),
                    ("recommendations", "Heart team."), ("answers", "TAVR."), ("patientSummary", "A new valve is best for you."),
                    ("password", Fixtures.password),
                    ("action", "sign"),
                ])
            #expect(signed.location == path + "/report")
            // the coordinator releases it; the patient reads it
            try await miguel.get(path + "/report")
            try await miguel.post(path + "/report/release", form: [("confirmed", "yes")])
            try await margaret.get(path + "/report")
            try await margaret.get(path + "/access")

            // check
            let events = try await AuditEventModel.query(on: dependencies.database.db).filter(\.$patientID == patientID).sort(\.$sequence)
                .all()
            let trail = events.dropFirst(before).map {
                Entry(AuditAction(rawValue: $0.action)!, $0.actorRole.flatMap(Role.init(rawValue:)))
            }
            let expected: [Entry] = [
                Entry(.caseOpened, .patient), Entry(.caseViewed, .patient),
                Entry(.caseJoinAttempt, .treatingPhysician), Entry(.caseViewed, .treatingPhysician),
                Entry(.caseStateChanged, .treatingPhysician),
                Entry(.recordViewed, .treatingPhysician), Entry(.recordUploaded, .treatingPhysician),
                Entry(.caseViewed, .coordinator), Entry(.caseStateChanged, .coordinator), Entry(.caseViewed, .coordinator),
                Entry(.caseStateChanged, .coordinator),
                Entry(.recordViewed, .consultant), Entry(.reportViewed, .consultant), Entry(.reportDraftSaved, .consultant),
                Entry(.caseStateChanged, .consultant),
                Entry(.reportViewed, .coordinator), Entry(.caseStateChanged, .coordinator),
                Entry(.reportViewed, .patient), Entry(.caseAccessLogViewed, .patient),
            ]
            #expect(trail == expected, "\(trail)")
            // the patient's page lists the people by name and role
            let access = try await margaret.get(path + "/access")
            for text in ["Helen Park", "Consultant", "Read the specialist&#39;s report", "Miguel Santos", "Samuel Reyes", "You"] {
                #expect(access.text.contains(text) || access.text.contains(text.replacingOccurrences(of: "&#39;", with: "'")), "\(text)")
            }
            // other people first, repeats counted; the patient's own visits folded away below them
            let others = try #require(access.text.range(of: "<h2>Other people</h2>"))
            let own = try #require(access.text.range(of: "<details class=\"own-access\">"))
            #expect(others.upperBound < own.lowerBound)
            #expect(access.text[others.upperBound..<own.lowerBound].contains("Miguel Santos"))
            #expect(!access.text[others.upperBound..<own.lowerBound].contains(">You<"), "the patient's own visits are not among others'")
            #expect(
                access.text.contains("Looked at the request</td><td data-label=\"How often\">2 times</td>"), "the coordinator's two views")
            // and every one of these events is chained
            #expect(try await AuditCommands(dependencies).verify().problem == nil)
        }
    }
}
