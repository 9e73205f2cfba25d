import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

/// Every state move the service offers, tried through HTTP by every kind of person, in the state
/// where it applies: only the people the Core table names get through; everyone else is refused
/// and the case does not move.
@Suite("State moves by role, through HTTP")
struct StateMoveMatrixTests {
    enum Person: String, CaseIterable {
        case patient = "margaret.ellis@example.org"
        case family = "anne.ellis@example.org"
        case physician = "samuel.reyes@example.org"
        case otherPhysician = "ana.lopez@example.org"
        case coordinator = "miguel.santos@example.org"
        case administrator = "grace.okafor@example.org"
        case consultant = "helen.park@example.org"
        case otherConsultant = "raj.iyer@example.org"
    }

    /// A move: the state it starts from, the request that makes it, who may make it, the state it leads to.
    struct Move {
        let name: String
        let from: CaseState
        let to: CaseState
        let allowed: Set<Person>
        let request: (TestBrowser, String) async throws -> TestResponse
    }

    static func staffAction(_ form: [(String, String)]) -> (TestBrowser, String) async throws -> TestResponse {
        { browser, id in
            try await browser.get("/account")
            return try await browser.post("/staff/cases/\(id)/action", form: form)
        }
    }

    func moves(helenID: String) -> [Move] {
        [
            Move(
                name: "records complete", from: .physicianConfirmed, to: .inReview, allowed: [.coordinator, .administrator],
                request: Self.staffAction([("action", "complete")])),
            Move(
                name: "request information", from: .inReview, to: .infoRequested, allowed: [.coordinator, .administrator],
                request: Self.staffAction([("action", "request_info"), ("message", "More please"), ("audience", "both")])),
            Move(
                name: "decline", from: .inReview, to: .declined, allowed: [.coordinator, .administrator],
                request: Self.staffAction([("action", "decline"), ("message", "Needs a visit"), ("confirmed", "yes")])),
            Move(
                name: "assign", from: .inReview, to: .assigned, allowed: [.coordinator, .administrator],
                request: Self.staffAction([("action", "assign"), ("consultant", helenID)])),
            Move(
                name: "close", from: .released, to: .closed, allowed: [.coordinator, .administrator],
                request: Self.staffAction([("action", "close"), ("confirmed", "yes")])),
            Move(
                name: "physician declines", from: .submitted, to: .physicianDeclined, allowed: [.physician],
                request: { browser, id in
                    // the physician proves the case first; anyone else finds nothing to decline
                    try await browser.get("/account")
                    return try await browser.post("/cases/join/confirm", form: [("action", "decline")])
                }),
            Move(
                name: "name another physician", from: .physicianDeclined, to: .submitted, allowed: [.patient, .family],
                request: { browser, id in
                    try await browser.get("/account")
                    return try await browser.post(
                        "/cases/\(id)/physician", form: [("physicianName", "Dr. New"), ("physicianEmail", "new@example.org")])
                }),
            Move(
                name: "release", from: .reportDrafted, to: .released, allowed: [.coordinator, .administrator, .consultant],
                request: { browser, id in
                    try await browser.get("/account")
                    return try await browser.post("/cases/\(id)/report/release", form: [("confirmed", "yes")])
                }),
        ]
    }

    @Test("each move succeeds for exactly the people allowed to make it")
    func matrix() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: everyone
            let (patientUser, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: Person.patient.rawValue, first: "Margaret", last: "Ellis")
            let family = try await Fixtures.user(dependencies, email: Person.family.rawValue, name: "Anne Ellis", role: .familyMember)
            try await PatientAccessModel(
                userID: try family.requireID(), patientID: try patient.requireID(),
                proxy: .init(firstName: "Anne", lastName: "Ellis", relationship: .adultChild, authority: .healthCareProxy)
            ).create(on: dependencies.database.db)
            let doctor = try await CaseFixtures.physician(
                dependencies, email: Person.physician.rawValue, name: "Samuel Reyes", npi: "1234567893", verified: true)
            try await CaseFixtures.physician(
                dependencies, email: Person.otherPhysician.rawValue, name: "Ana Lopez", npi: "1558598797", verified: true)
            try await Fixtures.user(dependencies, email: Person.coordinator.rawValue, name: "Miguel Santos", role: .coordinator)
            try await Fixtures.user(dependencies, email: Person.administrator.rawValue, name: "Grace Okafor", role: .administrator)
            let helen = try await CaseFixtures.consultant(dependencies, email: Person.consultant.rawValue, name: "Helen Park")
            try await CaseFixtures.consultant(dependencies, email: Person.otherConsultant.rawValue, name: "Raj Iyer")
            var browsers: [Person: TestBrowser] = [:]
            for person in Person.allCases {
                let each = browser.fresh()
                #expect(try await each.signIn(person.rawValue, Fixtures.password).status == .seeOther, "\(person)")
                browsers[person] = each
            }

            for move in moves(helenID: helen.id!.uuidString) {
                for person in Person.allCases {
                    // a fresh case in the move's starting state
                    let caseModel = try await CaseFixtures.openCase(
                        dependencies, by: patientUser, for: patient, physicianEmail: Person.physician.rawValue)
                    if move.from != .submitted { caseModel.$treatingPhysician.id = try doctor.requireID() }
                    caseModel.state = move.from
                    if [.reportDrafted, .released].contains(move.from) { caseModel.assignedConsultantID = try helen.requireID() }
                    try await caseModel.update(on: dependencies.database.db)
                    if [.reportDrafted, .released].contains(move.from) {
                        let report = ReportModel()
                        report.$caseModel.id = try caseModel.requireID()
                        report.consultantID = try helen.requireID()
                        report.version = 1
                        report.status = (move.from == .released ? ReportStatus.released : .signed)
                        report.recordsReviewed = "x"
                        report.historySummary = "x"
                        report.opinion = "x"
                        report.recommendations = "x"
                        report.answers = "x"
                        report.signedByName = "x"
                        report.contentSHA256 = "x"
                        report.courtesyCopy = true
                        try await report.create(on: dependencies.database.db)
                    }
                    let id = caseModel.id!.uuidString.lowercased()
                    let client = try #require(browsers[person])
                    if move.name == "physician declines" {
                        // only a physician the patient named can bring the case up to decline it
                        try await client.get("/cases/join")
                        _ = try? await client.post("/cases/join", form: [("reference", caseModel.reference)])
                    }
                    let response = try await move.request(client, id)
                    let after = try #require(try await CaseModel.find(caseModel.id, on: dependencies.database.db)).state
                    if move.allowed.contains(person) {
                        #expect(after == move.to, "\(move.name) by \(person): \(response.status)")
                    } else {
                        #expect(after == move.from, "\(move.name) by \(person) moved the case")
                        #expect(response.status.code >= 400, "\(move.name) by \(person): \(response.status)")
                    }
                }
            }
        }
    }
}
