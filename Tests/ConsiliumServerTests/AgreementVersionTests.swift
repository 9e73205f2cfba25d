import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Agreement versions, re-acceptance and more patients")
struct AgreementVersionTests {
    static let newText =
        String(repeating: "A clearer sentence about {service} and {institution}, governed by {governing_law}. ", count: 4)
        + "\n\nA second paragraph, with {phone} and {venue}."

    @Test("a new version is asked for at the next sign-in, before anything else, and recorded as a new consent")
    func reacceptance() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: a registered patient, then a new agreement is published
            _ = try await RegistrationFlow.registerPatient(browser)
            let user = try #require(try await UserModel.query(on: dependencies.database.db).first())
            user.emailVerifiedAt = Date()
            try await user.update(on: dependencies.database.db)
            #expect(try await AgreementCommands(dependencies).publish(kind: "agreement", text: Self.newText) == 2)
            // act
            let signIn = try await browser.fresh().signIn(
                "margaret.ellis@example.org", RegistrationFlow.password)
            #expect(signIn.location == AgreementGateMiddleware.acceptancePath)
            let member = browser.fresh()
            try await member.signIn("margaret.ellis@example.org", RegistrationFlow.password)
            // every other page sends the person back to the acceptance page
            let gated = try await member.get("/account")
            #expect(gated.location == "/agreement/accept", "\(gated.status) \(gated.text.prefix(300))")
            #expect(try await member.get("/account/password").location == "/agreement/accept")
            // the documents and help stay open
            #expect(try await member.get("/terms").status == .ok)
            let page = try await member.get("/agreement/accept")
            #expect(page.text.contains("version 2"))
            #expect(page.text.contains("A clearer sentence about Consilium Online Second Opinions and Example Health Network"))
            let unsigned = try await member.post("/agreement/accept", form: [("signature", "Margaret Ellis")])
            #expect(unsigned.status == .badRequest)
            try await member.get("/agreement/accept")
            let accepted = try await member.post(
                "/agreement/accept", form: [("agree", "yes"), ("signature", "Margaret Ellis"), ("courtesyCopy", "yes")])
            #expect(accepted.location == "/account")
            let dashboard = try await member.get("/account")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Version 2"))
            // check: the first record is untouched, the second is new
            let consents = try await ConsentRecordModel.query(on: dependencies.database.db).sort(\.$signedAt).with(\.$agreementVersion)
                .all()
            #expect(consents.map(\.agreementVersion.version) == [1, 2])
            let active = try await dependencies.agreements.active()
            #expect(consents[1].textSHA256 == active.agreementDocument.sha256)
            #expect(consents[0].textSHA256 != consents[1].textSHA256)
            // and the next sign-in goes straight through
            #expect(try await member.signIn("margaret.ellis@example.org", RegistrationFlow.password).location == "/account")
        }
    }

    @Test("each version of the agreement and terms stays readable at its own address")
    func versionsStayReadable() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await AgreementCommands(dependencies).publish(kind: "terms", text: Self.newText)
            let first = try await browser.get("/terms/1")
            #expect(first.text.contains("Not for emergencies"))
            let current = try await browser.get("/terms")
            #expect(current.text.contains("Version 2"))
            #expect(try await browser.get("/agreement/1").text.contains("Governing law and venue"))
            #expect(try await browser.get("/terms/99").status == .notFound)
        }
    }

    @Test("publishing refuses unknown placeholders and kinds")
    func publishChecks() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            let commands = AgreementCommands(dependencies)
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.publish(kind: "agreement", text: Self.newText + " {institutoin}")
            }
            await #expect(throws: UserCommands.Refusal.self) { try await commands.publish(kind: "contract", text: Self.newText) }
            await #expect(throws: UserCommands.Refusal.self) { try await commands.publish(kind: "agreement", text: "too short") }
        }
    }

    @Test("a family member adds a second patient under the same account")
    func addPatient() async throws {
        try await TestApp.run { browser, dependencies in
            // setup: a family member registered for one child
            _ = try await RegistrationFlow.step1(browser, RegistrationFlow.familyStep1)
            _ = try await RegistrationFlow.step2(browser, signature: "Daniel Ellis")
            _ = try await RegistrationFlow.step3(browser, email: "daniel.ellis@example.org")
            _ = try await RegistrationFlow.step4(browser)
            try await browser.signIn("daniel.ellis@example.org", RegistrationFlow.password)
            // act
            let form = try await browser.get("/patients/new")
            #expect(form.text.contains("Step 1 of 2"))
            #expect(form.text.contains("value=\"Daniel\""))
            var second = RegistrationFlow.familyStep1.filter { !["patientFirstName", "birthYear", "registrant"].contains($0.0) }
            second += [("patientFirstName", "Tom"), ("birthYear", "2017"), ("registrant", "self")]
            #expect(try await browser.post("/patients/new", form: second).location == "/patients/new/agreement")
            try await browser.get("/patients/new/agreement")
            let done = try await browser.post(
                "/patients/new/agreement", form: [("agree", "yes"), ("signature", "Daniel Ellis"), ("action", "accept")])
            #expect(done.location == "/account")
            // check
            let dashboard = try await browser.get("/account")
            #expect(dashboard.text.contains("Lily Ellis"))
            #expect(dashboard.text.contains("Tom Ellis has been added to your account."))
            #expect(try await UserModel.query(on: dependencies.database.db).count() == 1)
            let links = try await PatientAccessModel.query(on: dependencies.database.db).all()
            #expect(links.count == 2)
            #expect(links.allSatisfy { $0.relationship == "parent" })
            #expect(try await ConsentRecordModel.query(on: dependencies.database.db).count() == 2)
        }
    }

    @Test("only family members add patients; a patient's account is refused")
    func addPatientRefusedToPatients() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies, role: .patient)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(try await browser.get("/patients/new").status == .notFound)
        }
    }

    @Test("demo data registers patients with signed agreements")
    func demoPatients() async throws {
        try await TestApp.run { browser, dependencies in
            _ = try await DemoData(dependencies).populate()
            try await browser.signIn("daniel.ellis@example.org", DemoData.password)
            let dashboard = try await browser.get("/account")
            #expect(dashboard.text.contains("Lily Ellis"))
            #expect(dashboard.text.contains("Version 1"))
            #expect(try await CaseModel.query(on: dependencies.database.db).count() == 6)
            let states = Set(try await CaseModel.query(on: dependencies.database.db).all().map(\.state))
            #expect(states == [.submitted, .physicianConfirmed, .physicianDeclined, .inReview, .assigned, .released])
            let walter = browser.fresh()
            try await walter.signIn("walter.price@example.org", DemoData.password)
            let released = try #require(try await CaseModel.query(on: dependencies.database.db).filter(\.$state == .released).first())
            #expect(try await walter.get("/cases/\(released.id!.uuidString.lowercased())/report").text.contains("a pacemaker is indicated"))
            let physician = browser.fresh()
            try await physician.signIn("samuel.reyes@example.org", DemoData.password)
            #expect(try await physician.get("/account").text.contains("Margaret Ellis"))
        }
    }

    @Test("a version without a translation is shown in English with a Spanish notice; its translation, once published, in Spanish")
    func translations() async throws {
        try await TestApp.run { browser, dependencies in
            let commands = AgreementCommands(dependencies)
            #expect(try await commands.publish(kind: "agreement", text: Self.newText) == 2)
            try await browser.get("/language/es?return=/")
            _ = try await RegistrationFlow.step1(browser)
            let english = try await browser.get("/register/agreement")
            #expect(english.text.contains(#"tabindex="0" lang="en""#))
            #expect(english.text.contains("Patient Agreement and Authorization, version 2"))
            #expect(english.text.contains("Le mostramos este acuerdo en inglés") && english.text.contains("(555) 010-0199"))
            // what a translation must keep of the original
            let spanish = Self.newText.replacingOccurrences(of: "the", with: "el")
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.publishTranslation(kind: "agreement", of: 2, language: "en", text: spanish)
            }
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.publishTranslation(kind: "agreement", of: 9, language: "es", text: spanish)
            }
            await #expect(throws: UserCommands.Refusal.self) {
                try await commands.publishTranslation(
                    kind: "agreement", of: 2, language: "es", text: spanish.replacingOccurrences(of: "{phone}", with: "el teléfono"))
            }
            try await commands.publishTranslation(kind: "agreement", of: 2, language: "es", text: spanish)
            await #expect(throws: UserCommands.Refusal.self, "a published translation never changes") {
                try await commands.publishTranslation(kind: "agreement", of: 2, language: "es", text: spanish + " Más.")
            }
            let translated = try await browser.get("/register/agreement")
            #expect(translated.text.contains(#"tabindex="0" lang="es""#))
            #expect(translated.text.contains("Acuerdo y autorización del paciente, versión 2"))
            #expect(!translated.text.contains("Le mostramos este acuerdo en inglés"))
            // the version's own page, in each language
            #expect(try await browser.get("/agreement/2").text.contains("La versión en inglés es la que vale legalmente"))
            try await browser.get("/language/en?return=/")
            let original = try await browser.get("/agreement/2")
            #expect(original.text.contains(#"<div class="document" lang="en">"#) && !original.text.contains("versión"))
        }
    }
}
