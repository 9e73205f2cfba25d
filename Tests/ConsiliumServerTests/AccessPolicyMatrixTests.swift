import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import ConsiliumServer

/// Every cell of `AccessPolicy`'s case table, walked through HTTP: each action, by a person of
/// each relation to the case, once where the rule's condition holds and once where it does not.
/// The answer must be the one the policy gives (done, 404, 403 or 409), so the table and the
/// handlers cannot drift apart. (The state moves themselves are `StateMoveMatrixTests`.)
@Suite("The access policy, walked through HTTP")
struct AccessPolicyMatrixTests {
    typealias Relation = AccessPolicy.Relation

    static let people: [(Relation, String)] = [
        (.patient, "margaret.ellis@example.org"), (.familyMember, "anne.ellis@example.org"),
        (.treatingPhysician, "samuel.reyes@example.org"), (.assignedConsultant, "helen.park@example.org"),
        (.coordinator, "miguel.santos@example.org"), (.administrator, "grace.okafor@example.org"),
    ]

    /// A case made for one probe: its state, its report, and a record Margaret sent.
    struct Setup: Sendable {
        var state: CaseState
        var report: AccessPolicy.ReportStage = .none
        var mismatch = false
    }

    /// What a request needs to name.
    struct Target: Sendable {
        let path: String
        let caseID: String
        let recordID: String
        let reportVersion: Int
    }

    struct Probe: Sendable {
        let action: AccessPolicy.CaseAction
        let setups: [Setup]
        let request: @Sendable (TestBrowser, Target) async throws -> TestResponse
        /// For actions that change what a page shows rather than what it answers.
        var shown: (@Sendable (TestResponse) -> Bool)? = nil
    }

    static func post(_ path: String, _ form: [(String, String)] = []) -> @Sendable (TestBrowser, Target) async throws -> TestResponse {
        { browser, target in
            try await browser.get("/account")
            return try await browser.post(target.path + path, form: form)
        }
    }

    static let probes: [Probe] = [
        Probe(action: .viewCase, setups: [Setup(state: .assigned)]) { try await $0.get($1.path) },
        Probe(action: .viewLetter, setups: [Setup(state: .assigned)]) { try await $0.get($1.path + "/letter") },
        Probe(action: .viewAccessLog, setups: [Setup(state: .assigned)]) { try await $0.get($1.path + "/access") },
        Probe(
            action: .renamePhysician, setups: [Setup(state: .physicianDeclined), Setup(state: .assigned)],
            request: post("/physician", [("physicianName", "Dr. Ana Lopez"), ("physicianEmail", "ana.lopez@example.org")])),
        Probe(
            action: .answerRequest, setups: [Setup(state: .infoRequested), Setup(state: .assigned)],
            request: post("/reply", [("answer", "The scan is on its way.")])),
        Probe(action: .listRecords, setups: [Setup(state: .assigned)]) { try await $0.get($1.path + "/records") },
        Probe(action: .sendRecords, setups: [Setup(state: .inReview), Setup(state: .assigned)]) { browser, target in
            try await browser.get(target.path + "/records")
            return try await browser.postMultipart(target.path + "/records", files: [("files", "more.pdf", RecordFixtures.pdf)])
        },
        Probe(action: .openRecord, setups: [Setup(state: .assigned)]) { try await $0.get("\($1.path)/records/\($1.recordID)/download") },
        Probe(action: .removeRecord, setups: [Setup(state: .physicianConfirmed), Setup(state: .inReview)]) { browser, target in
            try await browser.get("/account")
            return try await browser.post("\(target.path)/records/\(target.recordID)/remove")
        },
        Probe(
            action: .seeRecordMismatch, setups: [Setup(state: .assigned, mismatch: true)],
            request: { try await $0.get($1.path + "/records") }, shown: { $0.text.contains("does not match the case") }),
        Probe(
            action: .viewReport,
            setups: [Setup(state: .released, report: .released), Setup(state: .assigned), Setup(state: .reportDrafted, report: .signed)]
        ) { try await $0.get($1.path + "/report") },
        Probe(action: .writeReport, setups: [Setup(state: .assigned, report: .draft), Setup(state: .reportDrafted, report: .signed)]) {
            browser, target in
            try await browser.get("/account")
            return try await browser.post(
                target.path + "/report", form: [("version", String(target.reportVersion)), ("opinion", "Reasonable."), ("action", "save")])
        },
        Probe(
            action: .releaseReport, setups: [Setup(state: .reportDrafted, report: .signed), Setup(state: .assigned, report: .draft)],
            request: post("/report/release", [("confirmed", "yes")])),
        Probe(
            action: .signAddendum, setups: [Setup(state: .released, report: .released), Setup(state: .assigned, report: .draft)],
            request: post("/report/addendum", [("body", "A correction."), ("password", Fixtures.password)])),
        Probe(
            action: .askFollowUp, setups: [Setup(state: .released, report: .released), Setup(state: .reportDrafted, report: .signed)],
            request: post("/report/questions", [("question", "And after surgery?")])),
        Probe(action: .coordinate, setups: [Setup(state: .released, report: .released)]) { browser, target in
            try await browser.get("/account")
            return try await browser.post("/staff/cases/\(target.caseID)/action", form: [("action", "close")])
        },
    ]

    @Test("each action, by each relation, answers as the policy says: done, 404, 403 or 409")
    func everyCell() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: Margaret's case, her daughter, her physician, its consultant and the staff
            let (patientUser, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let anne = try await Fixtures.user(dependencies, email: "anne.ellis@example.org", name: "Anne Ellis", role: .familyMember)
            try await PatientAccessModel(
                userID: try anne.requireID(), patientID: try patient.requireID(),
                proxy: .init(firstName: "Anne", lastName: "Ellis", relationship: .adultChild, authority: .healthCareProxy)
            ).create(on: dependencies.database.db)
            let samuel = try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            let helen = try await CaseFixtures.consultant(dependencies, email: "helen.park@example.org", name: "Helen Park")
            try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
            try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            var clients: [Relation: TestBrowser] = [:]
            for (relation, email) in Self.people {
                let client = browser.fresh()
                #expect(try await client.signIn(email, Fixtures.password).status == .seeOther, "\(email) signs in")
                clients[relation] = client
            }
            var cells = 0
            for probe in Self.probes {
                for setup in probe.setups {
                    for (relation, _) in Self.people {
                        // a fresh case for each cell, so that one cell's change cannot decide another's
                        let caseModel = try await CaseFixtures.openCase(
                            dependencies, by: patientUser, for: patient, physicianEmail: "samuel.reyes@example.org")
                        caseModel.$treatingPhysician.id = try samuel.requireID()
                        caseModel.assignedConsultantID = try helen.requireID()
                        caseModel.state = setup.state
                        try await caseModel.update(on: dependencies.database.db)
                        let caseID = try caseModel.requireID()
                        let record = try await Self.record(
                            dependencies, caseID: CaseID(rawValue: caseID), from: patientUser, mismatch: setup.mismatch)
                        let report = try await Self.report(setup.report, caseID: caseID, by: try helen.requireID(), dependencies)
                        let target = Target(
                            path: "/cases/\(caseID.uuidString.lowercased())", caseID: caseID.uuidString.lowercased(),
                            recordID: try record.requireID().uuidString.lowercased(), reportVersion: report?.version ?? 0)
                        let facts = AccessPolicy.CaseFacts(
                            state: setup.state, report: setup.report, courtesyCopy: true,
                            wroteReport: relation == .assignedConsultant && setup.report != .none, sentRecord: relation == .patient)
                        let expected = AccessPolicy.decide(probe.action, relation, facts)
                        let response = try await probe.request(try #require(clients[relation]), target)
                        let cell = "\(probe.action.rawValue) by \(relation.rawValue) in \(setup.state.rawValue)/\(setup.report.rawValue)"
                        if let shown = probe.shown {
                            #expect(response.status == .ok, "\(cell)")
                            #expect(shown(response) == (expected == .allowed), "\(cell): expected \(expected)")
                        } else {
                            #expect(Self.answer(response.status) == expected, "\(cell): \(response.status)")
                        }
                        cells += 1
                    }
                }
            }
            #expect(cells == Self.probes.reduce(0) { $0 + $1.setups.count } * Self.people.count)
            #expect(Set(Self.probes.map(\.action)) == Set(AccessPolicy.CaseAction.allCases), "every action is walked")
            #expect(dependencies.unresolvedTemplateKeys.all == [], "template names that resolved to nothing")
        }
    }

    /// The policy's word for an HTTP answer.
    static func answer(_ status: HTTPResponse.Status) -> AccessPolicy.Decision? {
        switch status.code {
        case 200..<400: .allowed
        case 404: .hidden
        case 403: .refused
        case 409: .notNow
        default: nil
        }
    }

    /// A PDF Margaret sent, stored for real so that it downloads; flagged as another patient's if asked.
    static func record(_ dependencies: AppDependencies, caseID: CaseID, from user: UserModel, mismatch: Bool) async throws -> RecordModel {
        let recordID = RecordID(rawValue: UUID())
        let writer = try await dependencies.documents.makeWriter(binding: RecordModel.binding(recordID: recordID, caseID: caseID))
        try await writer.write(ByteBuffer(bytes: RecordFixtures.pdf))
        let record = RecordModel(
            id: recordID, caseID: caseID, uploadedBy: try #require(user.userID), fileName: "letter.pdf", kind: .pdf, category: "other",
            description: "", stored: try await writer.finish(), patientMismatch: mismatch ? [.name] : [])
        try await record.create(on: dependencies.database.db)
        return record
    }

    /// Helen's report at `stage`, or none.
    static func report(
        _ stage: AccessPolicy.ReportStage, caseID: UUID, by consultant: UUID, _ dependencies: AppDependencies
    ) async throws -> ReportModel? {
        let status: ReportStatus
        switch stage {
        case .none: return nil
        case .draft: status = .draft
        case .signed: status = .signed
        case .released: status = .released
        }
        let report = ReportModel()
        report.$caseModel.id = caseID
        report.consultantID = consultant
        report.version = 1
        report.status = status
        report.recordsReviewed = ""
        report.historySummary = "History."
        report.opinion = "Opinion."
        report.recommendations = "Recommendations."
        report.answers = "Answers."
        report.signedByName = stage == .draft ? "" : "Helen Park"
        report.signedAt = stage == .draft ? nil : Date()
        report.releasedAt = stage == .released ? Date() : nil
        report.contentSHA256 = stage == .draft ? "" : String(repeating: "a", count: 64)
        report.courtesyCopy = true
        try await report.create(on: dependencies.database.db)
        return report
    }
}
