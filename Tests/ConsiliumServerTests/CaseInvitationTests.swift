import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Case invitation links: single use, bound to the named physician, revoked when the handshake moves on")
struct CaseInvitationTests {
    /// Margaret's case naming Samuel Reyes, with Samuel and Ana Lopez registered and verified.
    func setup(_ dependencies: AppDependencies) async throws -> CaseModel {
        let (user, patient) = try await CaseFixtures.patientAccount(
            dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
        try await CaseFixtures.physician(
            dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
        try await CaseFixtures.physician(dependencies, email: "ana.lopez@example.org", name: "Ana Lopez", npi: "1558598797", verified: true)
        return try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
    }

    func invitationToken(_ dependencies: AppDependencies) async throws -> String {
        try #require(try await Fixtures.lastLinkToken(dependencies, path: "/cases/join/invite"))
    }

    /// The `detail` of each refused invitation, in order.
    func refusals(_ dependencies: AppDependencies) async throws -> [String] {
        try await AuditEventModel.query(on: dependencies.database.db).filter(\.$action == AuditAction.caseJoinAttempt.rawValue)
            .filter(\.$outcome == AuditOutcome.denied.rawValue).sort(\.$sequence).all().compactMap(\.detail)
    }

    @Test("another physician cannot use the link; the named one can, once")
    func boundAndSingleUse() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await setup(dependencies)
            let token = try await invitationToken(dependencies)
            let ana = browser.fresh()
            try await ana.signIn("ana.lopez@example.org", Fixtures.password)
            #expect(try await ana.get("/cases/join/invite?token=\(token)").status == .notFound)
            #expect(try await ana.get("/cases/join/confirm").status == .notFound)
            // the refusal did not use the link up
            try await browser.signIn("samuel.reyes@example.org", Fixtures.password)
            #expect(try await browser.get("/cases/join/invite?token=\(token)").location == "/cases/join/confirm")
            // a second use is refused, by the same physician too
            let again = browser.fresh()
            try await again.signIn("samuel.reyes@example.org", Fixtures.password)
            #expect(try await again.get("/cases/join/invite?token=\(token)").status == .notFound)
            #expect(try await refusals(dependencies) == ["invitation_other_physician", "invitation_used"])
        }
    }

    @Test("confirming the case by its number revokes the link")
    func revokedByConfirmation() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await setup(dependencies)
            let token = try await invitationToken(dependencies)
            try await browser.signIn("samuel.reyes@example.org", Fixtures.password)
            try await browser.get("/cases/join")
            #expect(try await browser.post("/cases/join", form: [("reference", caseModel.reference)]).location == "/cases/join/confirm")
            try await browser.get("/cases/join/confirm")
            let confirmed = try await browser.post(
                "/cases/join/confirm",
                form: [("confirm", "yes"), ("clinicalHistory", "Murmur"), ("clinicalQuestion", "Surgery?"), ("materials", "Echo")])
            #expect(confirmed.status == .seeOther)
            #expect(try await browser.get("/cases/join/invite?token=\(token)").status == .notFound)
            #expect(try await refusals(dependencies) == ["invitation_revoked"])
        }
    }

    @Test("declining revokes the link; naming another physician invites them with a new link, and the old stays refused")
    func revokedByDeclineAndRename() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await setup(dependencies)
            let samuelToken = try await invitationToken(dependencies)
            let samuel = browser.fresh()
            try await samuel.signIn("samuel.reyes@example.org", Fixtures.password)
            try await samuel.get("/cases/join")
            try await samuel.post("/cases/join", form: [("reference", caseModel.reference)])
            try await samuel.get("/cases/join/confirm")
            #expect(try await samuel.post("/cases/join/confirm", form: [("action", "decline")]).location == "/account")
            #expect(try await samuel.get("/cases/join/invite?token=\(samuelToken)").status == .notFound)
            // the patient names Ana Lopez
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let path = "/cases/\(caseModel.id!.uuidString.lowercased())"
            try await browser.get(path)
            try await browser.post(
                path + "/physician",
                form: [("physicianName", "Dr. Ana Lopez"), ("physicianEmail", "ana.lopez@example.org"), ("physicianNPI", "")])
            let anaToken = try await invitationToken(dependencies)
            #expect(anaToken != samuelToken)
            // Samuel's old link stays refused although the case is waiting again
            #expect(try await samuel.get("/cases/join/invite?token=\(samuelToken)").status == .notFound)
            let ana = browser.fresh()
            try await ana.signIn("ana.lopez@example.org", Fixtures.password)
            #expect(try await ana.get("/cases/join/invite?token=\(samuelToken)").status == .notFound)
            #expect(try await ana.get("/cases/join/invite?token=\(anaToken)").location == "/cases/join/confirm")
            #expect(try await refusals(dependencies) == ["invitation_revoked", "invitation_revoked", "invitation_revoked"])
        }
    }

    @Test("renaming the physician revokes links still open for the case")
    func revokedByRename() async throws {
        try await TestApp.run { _, dependencies in
            let caseModel = try await setup(dependencies)
            // a link left open (as if issued before the decline revoked them)
            try await dependencies.caseService.invite(caseModel, in: dependencies.database.db)
            caseModel.state = CaseState.physicianDeclined
            try await caseModel.update(on: dependencies.database.db)
            let user = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.ellis@example.org").first())
            try await dependencies.caseService.renamePhysician(
                caseModel, name: "Dr. Ana Lopez", email: try EmailAddress("ana.lopez@example.org"), npi: nil,
                by: .init(identity: try #require(SignedInUser(user)), actor: .patientSide, audit: .system))
            let open = try await CaseInvitationModel.query(on: dependencies.database.db).filter(\.$revokedAt == nil).all()
            #expect(open.map(\.email) == ["ana.lopez@example.org"])
        }
    }

    @Test("a physician's account lists the requests that name them and wait for their confirmation, with the way to confirm")
    func waitingOnTheAccountPage() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await setup(dependencies)
            let samuel = browser.fresh()
            try await samuel.signIn("samuel.reyes@example.org", Fixtures.password)
            let account = try await samuel.get("/account")
            #expect(account.text.contains("Requests waiting for you to confirm"))
            #expect(account.text.contains(caseModel.caseReference!.display) && account.text.contains("Margaret Ellis"))
            #expect(account.text.contains("name=\"reference\" value=\"\(caseModel.reference)\""))
            // the row's button leads to the confirmation page of that request
            #expect(try await samuel.post("/cases/join", form: [("reference", caseModel.reference)]).location == "/cases/join/confirm")
            // a physician the request does not name sees nothing of it
            let ana = browser.fresh()
            try await ana.signIn("ana.lopez@example.org", Fixtures.password)
            let other = try await ana.get("/account")
            #expect(!other.text.contains("Requests waiting for you to confirm") && !other.text.contains("Margaret Ellis"))
        }
    }
}
