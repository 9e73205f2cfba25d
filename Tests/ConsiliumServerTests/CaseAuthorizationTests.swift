import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Who may reach a case")
struct CaseAuthorizationTests {
    /// Everyone who might ask for the case, and whether they may see it.
    enum Visitor: String, CaseIterable {
        case anonymous, patient, familyMember, otherPatient, confirmedPhysician, otherPhysician, unverifiedPhysician, coordinator,
            administrator, consultant

        var email: String { "\(rawValue)@example.org" }

        var maySee: Bool {
            [.patient, .familyMember, .confirmedPhysician, .coordinator, .administrator].contains(self)
        }
    }

    @Test("every case route answers the right people and 404 to everyone else")
    func matrix() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: a patient whose daughter also acts for her, a confirmed case, and everyone else
            let (patientUser, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: Visitor.patient.email, first: "Margaret", last: "Ellis")
            let family = try await Fixtures.user(dependencies, email: Visitor.familyMember.email, name: "Anne Ellis", role: .familyMember)
            try await PatientAccessModel(
                userID: try family.requireID(), patientID: try patient.requireID(),
                proxy: .init(firstName: "Anne", lastName: "Ellis", relationship: .adultChild, authority: .healthCareProxy)
            ).create(on: dependencies.database.db)
            try await CaseFixtures.patientAccount(dependencies, email: Visitor.otherPatient.email, first: "Walter", last: "Price")
            let doctor = try await CaseFixtures.physician(
                dependencies, email: Visitor.confirmedPhysician.email, name: "Samuel Reyes", npi: "1234567893", verified: true)
            try await CaseFixtures.physician(
                dependencies, email: Visitor.otherPhysician.email, name: "Ana Lopez", npi: "1558598797", verified: true)
            try await CaseFixtures.physician(
                dependencies, email: Visitor.unverifiedPhysician.email, name: "Ivan Petrov", npi: "1245319599", verified: false)
            try await Fixtures.user(dependencies, email: Visitor.coordinator.email, name: "Miguel Santos", role: .coordinator)
            try await Fixtures.user(dependencies, email: Visitor.administrator.email, name: "Grace Okafor", role: .administrator)
            try await Fixtures.user(dependencies, email: Visitor.consultant.email, name: "Helen Park", role: .consultant)
            let caseModel = try await CaseFixtures.openCase(
                dependencies, by: patientUser, for: patient, physicianEmail: Visitor.unverifiedPhysician.email)
            caseModel.$treatingPhysician.id = try doctor.requireID()
            caseModel.state = CaseState.physicianConfirmed
            try await caseModel.update(on: dependencies.database.db)
            let path = "/cases/\(caseModel.id!.uuidString.lowercased())"

            for visitor in Visitor.allCases {
                let client = browser.fresh()
                if visitor != .anonymous {
                    #expect(try await client.signIn(visitor.email, Fixtures.password).status == .seeOther, "\(visitor) signs in")
                }
                for route in [path, path + "/letter"] {
                    let response = try await client.get(route)
                    if visitor == .anonymous {
                        #expect(response.status == .seeOther && response.location?.hasPrefix("/signin") == true, "\(visitor) \(route)")
                    } else if visitor.maySee {
                        #expect(response.status == .ok, "\(visitor) \(route)")
                        #expect(response.text.contains("Margaret Ellis"), "\(visitor) \(route)")
                    } else {
                        #expect(response.status == .notFound, "\(visitor) \(route)")
                        #expect(!response.text.contains("Margaret"), "\(visitor) \(route)")
                    }
                }
                // a state change through another's case is refused the same way
                if visitor != .anonymous && !visitor.maySee {
                    try await client.get("/account")
                    let post = try await client.post(
                        path + "/physician", form: [("physicianName", "X"), ("physicianEmail", "x@example.org")])
                    #expect(post.status == .notFound, "\(visitor) rename")
                }
                // the dashboard lists the case only to those who may see it
                if visitor != .anonymous {
                    let dashboard = try await client.get("/account")
                    #expect(dashboard.text.contains(caseModel.caseReference!.display) == visitor.maySee, "\(visitor) dashboard")
                }
            }
            // a made-up id is a 404 for everyone, staff included
            let coordinator = browser.fresh()
            try await coordinator.signIn(Visitor.coordinator.email, Fixtures.password)
            #expect(try await coordinator.get("/cases/\(UUID().uuidString)").status == .notFound)
            #expect(try await coordinator.get("/cases/not-a-uuid").status == .notFound)
            // refusals are audited
            let denied = try await AuditEventModel.query(on: dependencies.database.db).filter(
                \.$action == AuditAction.permissionDenied.rawValue
            ).count()
            #expect(denied >= 8)
            // the records and the report go through the same door, and their refusals are audited too
            let stranger = browser.fresh()
            try await stranger.signIn(Visitor.otherPatient.email, Fixtures.password)
            #expect(try await stranger.get(path + "/records").status == .notFound)
            #expect(try await stranger.get(path + "/report").status == .notFound)
            let refusedHere = try await AuditEventModel.query(on: dependencies.database.db)
                .filter(\.$action == AuditAction.permissionDenied.rawValue).count()
            #expect(refusedHere == denied + 2)
        }
    }
}
