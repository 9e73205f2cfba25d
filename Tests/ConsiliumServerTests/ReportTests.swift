import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Consultation reports")
struct ReportTests {
    /// An assigned cardiology case with one record, and everyone who may be involved.
    func setup(_ dependencies: AppDependencies, courtesyAtSigning: Bool = true) async throws -> (CaseModel, String, String) {
        let (user, patient) = try await CaseFixtures.patientAccount(
            dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
        if !courtesyAtSigning {
            let consent = try #require(try await ConsentRecordModel.query(on: dependencies.database.db).first())
            consent.courtesyCopy = false
            try await consent.update(on: dependencies.database.db)
        }
        let doctor = try await CaseFixtures.physician(
            dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
        try await Fixtures.user(dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator)
        let helen = try await CaseFixtures.consultant(dependencies, email: "helen.park@example.org", name: "Helen Park")
        try await CaseFixtures.consultant(dependencies, email: "raj.iyer@example.org", name: "Raj Iyer")
        let caseModel = try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
        caseModel.$treatingPhysician.id = try doctor.requireID()
        caseModel.state = CaseState.assigned
        caseModel.assignedConsultantID = try helen.requireID()
        try await caseModel.update(on: dependencies.database.db)
        let record = RecordModel(
            id: RecordID(rawValue: UUID()), caseID: try caseModel.requireCaseID(), uploadedBy: try #require(doctor.userID),
            fileName: "echo.pdf", kind: .pdf,
            category: "imaging",
            description: "", stored: StoredDocument(storageKey: UUID().uuidString, keyID: "test", size: 10, sha256: ""))
        try await record.create(on: dependencies.database.db)
        return (caseModel, "/cases/\(caseModel.id!.uuidString.lowercased())/report", record.id!.uuidString.lowercased())
    }

    func person(_ browser: TestBrowser, _ email: String) async throws -> TestBrowser {
        let person = browser.fresh()
        try await person.signIn(email, Fixtures.password)
        return person
    }

    func fullDraft(_ record: String, version: String, extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("version", version), ("reviewed", record), ("historySummary", "75-year-old with severe aortic stenosis."),
            ("opinion", "TAVR is reasonable."), ("recommendations", "Heart-team evaluation."), ("answers", "Yes: TAVR over surgery."),
            ("patientSummary", "Your heart valve is narrow. A new valve can be put in through a blood vessel in your leg."),
        ] + extra
    }

    @Test("only the case's own current records can be named as reviewed")
    func reviewedRecordsAreTheCasesOwn() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path, record) = try await setup(dependencies)
            let consultant = try await person(browser, "helen.park@example.org")
            let version = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
            let elsewhere = UUID().uuidString.lowercased()
            let saved = try await consultant.post(
                path,
                form: [
                    ("version", version), ("reviewed", elsewhere), ("reviewed", record), ("reviewed", record.uppercased()),
                    ("action", "save"),
                ])
            #expect(saved.location == path)
            #expect(try await ReportModel.query(on: dependencies.database.db).first()?.recordsReviewed == record)
            // a record later marked entered-in-error cannot be named either
            let model = try #require(try await RecordModel.find(UUID(uuidString: record), on: dependencies.database.db))
            model.status = RecordStatus.enteredInError
            try await model.update(on: dependencies.database.db)
            let next = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
            _ = try await consultant.post(path, form: [("version", next), ("reviewed", record), ("action", "save")])
            #expect(try await ReportModel.query(on: dependencies.database.db).first()?.recordsReviewed == "")
        }
    }

    @Test("draft, conflict between two tabs, password-checked signing, and no change afterwards")
    func draftAndSign() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, path, record) = try await setup(dependencies)
            let consultant = try await person(browser, "helen.park@example.org")
            let form = try await consultant.get(path)
            #expect(form.status == .ok)
            #expect(form.text.contains("echo.pdf"))
            let version = try #require(TestBrowser.hiddenValue("version", in: form.text))
            // a second tab opened at the same version
            let secondTab = browser.fresh()
            for (name, value) in consultant.cookies { secondTab.setCookie(name, value) }
            try await secondTab.get(path)
            #expect(
                try await consultant.post(path, form: [("version", version), ("opinion", "First thoughts"), ("action", "save")]).location
                    == path)
            let stale = try await secondTab.post(path, form: [("version", version), ("opinion", "Other tab's words"), ("action", "save")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("saved from another window"))
            #expect(stale.text.contains("Other tab&#39;s words"))
            #expect(try await ReportModel.query(on: dependencies.database.db).first()?.opinion == "First thoughts")
            // signing needs the password and every part
            let reopened = try await consultant.get(path)
            let current = try #require(TestBrowser.hiddenValue("version", in: reopened.text))
            let wrong = try await consultant.post(
                path, form: fullDraft(record, version: current, extra: [("password", "nope"), ("action", "sign")]))
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("That is not your password"))
            let again = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
            let incomplete = try await consultant.post(
                path, form: [("version", again), ("opinion", "Only this"), ("password", Fixtures.password), ("action", "sign")])
            #expect(incomplete.text.contains("Before signing, add the records you reviewed"))
            #expect(incomplete.text.contains("a summary for the patient"))
            let latest = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
            let signed = try await consultant.post(
                path, form: fullDraft(record, version: latest, extra: [("password", Fixtures.password), ("action", "sign")]))
            #expect(signed.location == path)
            let report = try #require(try await ReportModel.query(on: dependencies.database.db).first())
            #expect(report.status == .signed)
            #expect(report.signedByName == "Helen Park")
            let content = ReportContent(
                caseReference: caseModel.reference, recordsReviewed: [record], historySummary: report.historySummary,
                opinion: report.opinion,
                recommendations: report.recommendations, answers: report.answers,
                patientSummary: "Your heart valve is narrow. A new valve can be put in through a blood vessel in your leg.",
                patientSummaryLanguage: "en", signer: "Helen Park", signedAt: try #require(report.signedAt))
            #expect(report.contentSHA256 == content.sha256, "the summary is signed and hashed with the rest")
            #expect(try await CaseModel.find(caseModel.id, on: dependencies.database.db)?.state == .reportDrafted)
            // no route changes it now
            let page = try await consultant.get(path)
            #expect(!page.text.contains("name=\"opinion\""))
            let changed = try await consultant.post(
                path, form: fullDraft(record, version: String(report.version), extra: [("opinion", "Changed"), ("action", "save")]))
            #expect(changed.status == .conflict)
            let resigned = try await consultant.post(
                path,
                form: fullDraft(record, version: String(report.version), extra: [("password", Fixtures.password), ("action", "sign")]))
            #expect(resigned.status == .conflict)
            #expect(try await ReportModel.query(on: dependencies.database.db).first()?.contentSHA256 == report.contentSHA256)
        }
    }

    /// Signs the report as the consultant and releases it as the coordinator.
    @Test("password re-checks when signing count against the sign-in limit, and throttling is audited")
    func signatureThrottled() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path, record) = try await setup(dependencies)
            let consultant = try await person(browser, "helen.park@example.org")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<10 {
                let version = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
                let response = try await consultant.post(
                    path, form: fullDraft(record, version: version, extra: [("password", "guess-\(statuses.count)"), ("action", "sign")]))
                statuses.append(response.status)
            }
            // signing in counted once; nine wrong passwords are answered, the tenth is throttled
            #expect(statuses.prefix(9).allSatisfy { $0 == .badRequest })
            #expect(statuses.last == .tooManyRequests)
            let events = try await AuditEventModel.query(on: dependencies.database.db).sort(\.$sequence).all()
            #expect(events.filter { $0.detail == "signature_wrong_password" }.count == 9)
            #expect(events.contains { $0.action == AuditAction.signInThrottled.rawValue && $0.detail?.hasPrefix("signature:") == true })
            #expect(try await ReportModel.query(on: dependencies.database.db).first()?.isDraft == true)
        }
    }

    func signAndRelease(_ browser: TestBrowser, _ path: String, _ record: String) async throws {
        let consultant = try await person(browser, "helen.park@example.org")
        let version = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
        _ = try await consultant.post(
            path, form: fullDraft(record, version: version, extra: [("password", Fixtures.password), ("action", "sign")]))
        let coordinator = try await person(browser, "miguel.santos@example.org")
        try await coordinator.get(path)
        // releasing asks first, and releases nothing until confirmed
        let asked = try await coordinator.post(path + "/release")
        #expect(asked.status == .ok && asked.text.contains("Yes, release the report"))
        #expect(try await coordinator.get(path).text.contains(">Release the report</button>"), "still waiting to be released")
        #expect(try await coordinator.post(path + "/release", form: [("confirmed", "yes")]).location == path)
    }

    @Test(
        "the summary for the patient: its reading grade while writing, first in the patient's copy, last and labelled in the physician's, and a translation beside it"
    )
    func patientSummary() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path, record) = try await setup(dependencies)
            let consultant = try await person(browser, "helen.park@example.org")
            var version = try #require(TestBrowser.hiddenValue("version", in: (try await consultant.get(path)).text))
            // a summary written like a clinical note is measured, and advice given; signing is still possible
            let dense =
                "Transcatheter aortic valve implantation constitutes the preferable therapeutic intervention considering "
                + "comorbidities, anatomical suitability, and procedural considerations documented echocardiographically."
            let saved = try await consultant.post(
                path,
                form: fullDraft(record, version: version).filter { $0.0 != "patientSummary" } + [
                    ("patientSummary", dense), ("action", "save"),
                ])
            let measured = try await consultant.get(path)
            #expect(measured.text.contains("(Flesch–Kincaid). We advise grade 8 or below"), "\(saved.status)")
            #expect(measured.text.contains("readability-advice"))
            version = try #require(TestBrowser.hiddenValue("version", in: measured.text))
            let plain = "Your heart valve is narrow. A new valve can be put in through a blood vessel in your leg. Ask your doctor when."
            _ = try await consultant.post(
                path,
                form: fullDraft(record, version: version).filter { $0.0 != "patientSummary" } + [
                    ("patientSummary", plain), ("action", "save"),
                ])
            let plainPage = try await consultant.get(path)
            #expect(plainPage.text.contains("(Flesch–Kincaid): plain enough for most patients."))
            version = try #require(TestBrowser.hiddenValue("version", in: plainPage.text))
            // required before signing
            let unsummarised = try await consultant.post(
                path,
                form: fullDraft(record, version: version).filter { $0.0 != "patientSummary" }
                    + [("patientSummary", " "), ("password", Fixtures.password), ("action", "sign")])
            #expect(unsummarised.text.contains("a summary for the patient"))
            try await signAndRelease(browser, path, record)

            // the coordinator attaches a translation by a named translator, signed
            let coordinator = try await person(browser, "miguel.santos@example.org")
            try await coordinator.get(path)
            let unnamed = try await coordinator.post(
                path + "/translation",
                form: [("translationLanguage", "es"), ("translation", "Su válvula está estrecha."), ("password", Fixtures.password)])
            #expect(unnamed.status == .badRequest && unnamed.text.contains("Name the translator"))
            #expect(unnamed.text.contains("Su válvula está estrecha."), "what was typed is kept")
            let spanish = "Una válvula de su corazón está estrecha. Le pueden poner una válvula nueva por un vaso de la pierna."
            let attached = try await coordinator.post(
                path + "/translation",
                form: [
                    ("translationLanguage", "es"), ("translation", spanish), ("translator", "Ana Ruiz, intérprete médica certificada"),
                    ("password", Fixtures.password),
                ])
            #expect(attached.location == path)
            // the patient's copy opens with the summary, says who wrote it, and shows the translation as one
            let patient = try await person(browser, "margaret.ellis@example.org")
            let copy = try await patient.get(path).text
            let summaryAt = try #require(copy.range(of: "<h2 id=\"patient-summary-heading\">Summary for you</h2>"))
            #expect(summaryAt.lowerBound < copy.range(of: "<h2>Records reviewed</h2>")!.lowerBound)
            #expect(copy.contains("Written by Helen Park, the consulting specialist, in English."))
            #expect(copy.contains("Translated into Spanish by Ana Ruiz, intérprete médica certificada. Attached by Miguel Santos"))
            #expect(copy.contains(#"<p class="prose" lang="es">Una válvula de su corazón"#))
            // and in Spanish: the frame of the copy, its dates, and the labels of the summary and its translation
            try await patient.get("/language/es?return=/account")
            let spanishCopy = try await patient.get(path).text
            #expect(spanishCopy.contains("<strong>Copia de cortesía para el paciente.</strong>"))
            #expect(spanishCopy.contains("<h2 id=\"patient-summary-heading\">Resumen para usted</h2>"))
            #expect(spanishCopy.contains("Escrito por Helen Park, el especialista consultor, en inglés."))
            #expect(spanishCopy.contains("Traducido al español por Ana Ruiz"))
            #expect(
                spanishCopy.contains("<h2>Documentos revisados</h2>") && spanishCopy.contains("Firmado electrónicamente por Helen Park el ")
            )
            #expect(spanishCopy.firstMatch(of: #/el \d{1,2} de [a-z]+ de 20\d\d, \d{1,2}:\d\d [ap]\. m\./#) != nil)
            try await patient.get("/language/en?return=/account")
            // the physician's ends with it, labelled
            let physician = try await person(browser, "samuel.reyes@example.org")
            let theirs = try await physician.get(path).text
            let labelled = try #require(theirs.range(of: "Summary for the patient, as written for them"))
            #expect(theirs.range(of: "<h2>Answers to the questions asked</h2>")!.lowerBound < labelled.lowerBound)
            let addendum = try #require(try await ReportAddendumModel.query(on: dependencies.database.db).first())
            #expect(addendum.kind == "summary_translation" && addendum.language == "es")
            let report = try #require(try await ReportModel.query(on: dependencies.database.db).first())
            #expect(
                addendum.contentSHA256
                    == ReportContent.addendumSHA256(
                        reportSHA256: report.contentSHA256, kind: "summary_translation",
                        question: "es\nAna Ruiz, intérprete médica certificada", body: spanish, signer: "Miguel Santos",
                        signedAt: addendum.signedAt))
            // nobody but a coordinator attaches one
            #expect(try await patient.post(path + "/translation", form: [("translationLanguage", "es")]).status == .notFound)
            let empty = try await coordinator.post(path + "/translation", form: [])
            #expect(empty.status == .badRequest && empty.text.contains("error-summary"))
        }
    }

    @Test("before release only the consultant and staff see the report; after, the physician; the patient unless declined")
    func visibility() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path, record) = try await setup(dependencies)
            let physician = try await person(browser, "samuel.reyes@example.org")
            let patient = try await person(browser, "margaret.ellis@example.org")
            let otherConsultant = try await person(browser, "raj.iyer@example.org")
            let consultant = try await person(browser, "helen.park@example.org")
            #expect(try await consultant.get(path).status == .ok)
            #expect(try await physician.get(path).status == .notFound)
            #expect(try await patient.get(path).status == .notFound)
            #expect(try await otherConsultant.get(path).status == .notFound)
            try await signAndRelease(browser, path, record)
            #expect(try await physician.get(path).text.contains("TAVR is reasonable."))
            #expect(try await patient.get(path).text.contains("Electronically signed by Helen Park"))
            #expect(try await otherConsultant.get(path).status == .notFound)
            let mail = try await Fixtures.outbox(dependencies).filter { $0.kind == "report_released" }.map(\.recipient)
            #expect(Set(mail) == ["samuel.reyes@example.org", "margaret.ellis@example.org"])
            #expect(try await Fixtures.outbox(dependencies).allSatisfy { !$0.bodyText.contains("TAVR") })
        }
    }

    @Test("declined when signing the agreement: no courtesy copy")
    func declinedAtSigning() async throws {
        try await TestApp.run { browser, dependencies in
            let (_, path, record) = try await setup(dependencies, courtesyAtSigning: false)
            try await signAndRelease(browser, path, record)
            let patient = try await person(browser, "margaret.ellis@example.org")
            #expect(try await patient.get(path).status == .notFound)
            let mail = try await Fixtures.outbox(dependencies).filter { $0.kind == "report_released" }.map(\.recipient)
            #expect(mail == ["samuel.reyes@example.org"])
        }
    }

    @Test("declined later by telephone: no courtesy copy")
    func declinedByPhone() async throws {
        try await TestApp.run { browser, dependencies in
            let (caseModel, path, record) = try await setup(dependencies)
            let coordinator = try await person(browser, "miguel.santos@example.org")
            let id = caseModel.id!.uuidString.lowercased()
            try await coordinator.get("/cases/\(id)")
            _ = try await coordinator.post(
                "/staff/cases/\(id)/action", form: [("action", "courtesy_optout"), ("message", "Called: doctor only.")])
            try await signAndRelease(browser, path, record)
            let patient = try await person(browser, "margaret.ellis@example.org")
            #expect(try await patient.get(path).status == .notFound)
            #expect(
                try await Fixtures.outbox(dependencies).filter { $0.kind == "report_released" }.map(\.recipient) == [
                    "samuel.reyes@example.org"
                ])
            #expect(try await ReportModel.query(on: dependencies.database.db).first()?.courtesyCopy == false)
        }
    }

    @Test("ten follow-up questions sent at once against a limit of three leave exactly three")
    func followUpLimitUnderConcurrency() async throws {
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_FOLLOW_UP_LIMIT": "3"])) { browser, dependencies in
            let (_, path, record) = try await setup(dependencies)
            try await signAndRelease(browser, path, record)
            let physician = try await person(browser, "samuel.reyes@example.org")
            try await physician.get(path)
            let token = physician.csrfToken
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await physician.post(path + "/questions", form: [("question", "Question \(index)?")], csrf: token).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 3)
            #expect(statuses.filter { $0 == .conflict }.count == 7)
            #expect(try await FollowUpQuestionModel.query(on: dependencies.database.db).count() == 3)
        }
    }

    @Test("follow-up questions up to the limit, each answered by a signed addendum the patient sees too; then the case closes")
    func followUps() async throws {
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_FOLLOW_UP_LIMIT": "2"])) { browser, dependencies in
            let (caseModel, path, record) = try await setup(dependencies)
            try await signAndRelease(browser, path, record)
            let physician = try await person(browser, "samuel.reyes@example.org")
            let page = try await physician.get(path)
            #expect(page.text.contains("You can ask up to 2 follow-up questions about this report."))
            #expect(
                page.text.contains("The patient&#39;s question") && page.text.contains("The treating physician&#39;s clinical question"))
            #expect(!page.text.contains("Courtesy copy for the patient"), "the physician's own copy")
            let empty = try await physician.post(path + "/questions", form: [("question", " ")])
            #expect(empty.status == .badRequest && empty.text.contains("id=\"question-error\""))
            #expect(
                try await physician.post(path + "/questions", form: [("question", "Is anticoagulation needed after TAVR?")]).location
                    == path)
            #expect(try await physician.get(path).text.contains("You can ask 1 more."))
            // the consultant is told in a consultant's words, with a link to the report and not the question
            let told = try #require(try await Fixtures.outbox(dependencies).last { $0.kind == "follow_up_question" })
            #expect(told.recipient == "helen.park@example.org")
            #expect(told.bodyText.contains("\(path)\r\n") || told.bodyText.contains("\(path)\n"))
            #expect(!told.bodyText.contains("anticoagulation") && !told.subject.contains("your second-opinion request"))
            try await physician.get(path)
            #expect(try await physician.post(path + "/questions", form: [("question", "What follow-up echo interval?")]).location == path)
            try await physician.get(path)
            let third = try await physician.post(path + "/questions", form: [("question", "One more?")])
            #expect(third.status == .conflict)
            #expect(third.text.contains("2 follow-up questions"))
            // the patient cannot ask
            let patient = try await person(browser, "margaret.ellis@example.org")
            try await patient.get(path)
            #expect(try await patient.post(path + "/questions", form: [("question", "Me?")]).status == .notFound)
            // the consultant answers the first with a signed addendum
            let consultant = try await person(browser, "helen.park@example.org")
            let question = try #require(try await FollowUpQuestionModel.query(on: dependencies.database.db).sort(\.$askedAt).first())
            try await consultant.get(path)
            let noPassword = try await consultant.post(
                path + "/addendum", form: [("question", question.id!.uuidString.lowercased()), ("body", "Aspirin alone.")])
            #expect(noPassword.status == .badRequest)
            // the error is beside the password, and what was written is kept
            #expect(noPassword.text.contains("id=\"addendum-password-error\"") && noPassword.text.contains(">Aspirin alone.</textarea>"))
            #expect(noPassword.text.contains("Enter your password to sign"))
            let wrong = try await consultant.post(
                path + "/addendum", form: [("question", question.id!.uuidString.lowercased()), ("body", "Aspirin."), ("password", "nope")])
            #expect(wrong.text.contains("That is not your password"), "a wrong password is told apart from an empty one")
            #expect(
                try await consultant.post(
                    path + "/addendum",
                    form: [
                        ("question", question.id!.uuidString), ("body", "Single antiplatelet therapy, aspirin."),
                        ("password", Fixtures.password),
                    ]
                ).location == path)
            try await consultant.get(path)
            let twice = try await consultant.post(
                path + "/addendum", form: [("question", question.id!.uuidString), ("body", "Again"), ("password", Fixtures.password)])
            #expect(twice.status == .conflict)
            // the patient sees the answer with the report; the report itself is unchanged
            let seen = try await patient.get(path)
            #expect(seen.text.contains("Answer to: Is anticoagulation needed after TAVR?"))
            #expect(seen.text.contains("Single antiplatelet therapy, aspirin."))
            let addendum = try #require(try await ReportAddendumModel.query(on: dependencies.database.db).first())
            let report = try #require(try await ReportModel.query(on: dependencies.database.db).first())
            #expect(
                addendum.contentSHA256
                    == ReportContent.addendumSHA256(
                        reportSHA256: report.contentSHA256, kind: "follow_up_answer", question: question.question, body: addendum.body,
                        signer: "Helen Park", signedAt: addendum.signedAt))
            // the coordinator closes the case
            let coordinator = try await person(browser, "miguel.santos@example.org")
            let id = caseModel.id!.uuidString.lowercased()
            try await coordinator.get("/cases/\(id)")
            let closed = try await coordinator.post("/staff/cases/\(id)/action", form: [("action", "close"), ("confirmed", "yes")])
            #expect(closed.location == "/cases/\(id)")
            #expect(try await CaseModel.find(caseModel.id, on: dependencies.database.db)?.state == .closed)
        }
    }
}
