import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

/// A treating physician can do everything in Spanish, and a Spanish-speaking patient can give
/// their physician a letter in the physician's language.
@Suite("The physician's pages and the patient's letter in Spanish")
struct PhysicianLanguageTests {
    /// Margaret Ellis, signed in with Spanish chosen, and a request she opened naming Samuel Reyes.
    static func spanishPatientWithRequest(_ browser: TestBrowser, _ dependencies: AppDependencies) async throws -> CaseModel {
        let (user, patient) = try await CaseFixtures.patientAccount(
            dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
        let caseModel = try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
        try await browser.get("/language/es?return=/signin")
        try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
        return caseModel
    }

    @Test("a physician registers in Spanish: labels, every error beside its field, and the account keeps the language")
    func registerInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            try await browser.get("/language/es?return=/physicians/register")
            let blank = try await browser.get("/physicians/register")
            #expect(blank.text.contains("<h1>Inscribirse como médico tratante</h1>"))
            #expect(blank.text.contains("Identificador Nacional de Proveedor (NPI)"))
            #expect(blank.text.contains("Estado que emitió su licencia médica"))
            let empty = try await browser.post("/physicians/register", form: [("firstName", "Samuel"), ("npi", "1234567890")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("El último dígito de este NPI no concuerda con los demás"))
            #expect(empty.text.contains("Escriba el nombre de su consultorio."))
            #expect(empty.text.contains("Escriba su correo electrónico."))
            #expect(empty.text.contains(#"value="Samuel""#))
            #expect(!empty.text.contains("Enter "))
            let done = try await browser.post(
                "/physicians/register",
                form: [
                    ("firstName", "Samuel"), ("lastName", "Reyes"), ("npi", "1234567893"), ("licenceState", "MA"),
                    ("licenceNumber", "12345"), ("specialty", "Medicina interna"), ("practiceName", "Clínica del Puerto"),
                    ("addressLine1", "1 Charles Street"), ("addressLine2", ""), ("city", "Boston"), ("state", "MA"),
                    ("postalCode", "02114"), ("phone", "(617) 555-0100"), ("email", "samuel.reyes@example.org"),
                    ("emailConfirmation", "samuel.reyes@example.org"), ("password", Fixtures.password),
                    ("passwordConfirmation", Fixtures.password),
                ])
            #expect(done.text.contains("<h1>Revise su correo electrónico</h1>"))
            let user = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "samuel.reyes@example.org").first())
            #expect(user.language == "es")
        }
    }

    @Test("a physician joins a request in Spanish; a refusal's reason is in Spanish too")
    func joinInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            try await CaseFixtures.physician(
                dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
            let caseModel = try await CaseFixtures.openCase(
                dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
            try await browser.get("/language/es?return=/signin")
            try await browser.signIn("samuel.reyes@example.org", Fixtures.password)
            // the account page lists the request waiting for them, dated in Spanish
            let account = try await browser.get("/account")
            #expect(account.text.contains(caseModel.caseReference!.display))
            #expect(account.text.contains(DisplayDate.long(Date(), in: .spanish)))
            let terms = try await browser.get("/terms")
            #expect(terms.text.contains(DisplayDate.long(Date(), in: .spanish)), "the terms' version is dated in Spanish")
            let entry = try await browser.get("/cases/join")
            #expect(entry.text.contains("<h1>Unirse a la solicitud de un paciente</h1>"))
            let short = try await browser.post("/cases/join", form: [("reference", "12345")])
            #expect(short.text.contains("Un número de referencia tiene 10 dígitos."))
            let found = try await browser.post("/cases/join", form: [("reference", caseModel.reference)])
            #expect(found.location == "/cases/join/confirm")
            let confirm = try await browser.get("/cases/join/confirm")
            #expect(confirm.text.contains("Margaret Ellis, fecha de nacimiento: 1 de enero de 1960"))
            #expect(confirm.text.contains("Soy el médico tratante de este paciente y solicito esta consulta"))
            let missing = try await browser.post("/cases/join/confirm", form: [("action", "confirm"), ("clinicalHistory", "HTA")])
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("Marque la casilla para confirmar"))
            #expect(missing.text.contains("Escriba la pregunta clínica."))
            #expect(missing.text.contains(">HTA</textarea>"))
            let confirmed = try await browser.post(
                "/cases/join/confirm",
                form: [
                    ("action", "confirm"), ("confirm", "yes"), ("clinicalHistory", "HTA"), ("clinicalQuestion", "¿Cirugía?"),
                    ("materials", "Ecocardiograma"),
                ])
            let casePath = try #require(confirmed.location)
            let casePage = try await browser.get(casePath)
            #expect(casePage.text.contains("Gracias: confirmó la solicitud."))
            // the timeline's reasons the service wrote are read in Spanish
            #expect(
                casePage.text.contains("Se abrió la solicitud") && casePage.text.contains("Confirmado como médico tratante del paciente"))
            #expect(!casePage.text.contains("Case opened"))
            // a request that is not waiting for an answer says so, in Spanish, on the error page
            let refused = try await browser.post(casePath + "/reply", form: [("answer", "Aquí está")])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Esta solicitud no está esperando información de usted."))
        }
    }

    @Test("the patient's letter is written in the page's language, or in another on request, marked with its own lang")
    func letterLanguages() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await Self.spanishPatientWithRequest(browser, dependencies)
            let path = "/cases/\(try caseModel.requireID().uuidString.lowercased())/letter"
            let spanish = try await browser.get(path)
            #expect(spanish.text.contains("<h1>Una carta para su médico</h1>"))
            #expect(spanish.text.contains(#"<article class="letter" lang="es""#))
            #expect(spanish.text.contains("Estimado/a Dr. Samuel Reyes:"))
            #expect(spanish.text.contains("Su paciente, <strong>Margaret Ellis</strong>, pidió una segunda opinión"))
            #expect(spanish.text.contains("La carta está en español."))
            #expect(spanish.text.contains(#"href="\#(path)?letter=en" lang="en" hreflang="en">English</a>"#))
            let english = try await browser.get(path + "?letter=en")
            // the page around it stays Spanish; the letter is English, and says so to a screen reader
            #expect(english.text.contains("<html lang=\"es\">"))
            #expect(english.text.contains("La carta está en inglés."))
            #expect(english.text.contains(#"<article class="letter" lang="en" aria-label="The letter">"#))
            #expect(english.text.contains("Dear Dr. Samuel Reyes,"))
            #expect(english.text.contains("Reference number: <strong>\(caseModel.caseReference!.display)</strong>"))
            #expect(english.text.contains("http://consilium.test/cases/join"))
            #expect(!english.text.contains("Estimado"))
            // an unknown language is the page's own
            #expect(try await browser.get(path + "?letter=fr").text.contains(#"<article class="letter" lang="es""#))
        }
    }

    @Test("two-step sign-in in Spanish: the code page, a recovery code's notice with its plural, and the settings page")
    func twoStepInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            let (user, _) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let codes = try await dependencies.twoFactor.regenerateRecoveryCodes(of: user, actor: .system)
            try await Fixtures.enrolTwoFactor(dependencies, user)
            try await browser.get("/language/es?return=/signin")
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password, enterCode: false)
            let page = try await browser.get("/signin/code")
            #expect(page.text.contains("<h1>Escriba su código de inicio de sesión</h1>"))
            let wrong = try await browser.post("/signin/code", form: [("method", "totp"), ("code", "000000")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Ese código no es correcto."))
            let recovery = try await browser.get("/signin/code?recovery=1")
            #expect(recovery.text.contains(#"Por ejemplo <span class="hash">abcd-efgh-jkmn-pqrs</span>."#))
            let used = try await browser.post("/signin/code", form: [("method", "recovery"), ("recovery_code", codes[0])])
            #expect(used.location == "/account")
            #expect(try await browser.get("/account").text.contains("Usó un código de recuperación; le quedan 9 de 10."))
            let settings = try await browser.get("/account/two-factor")
            #expect(settings.text.contains("Tiene 9 códigos de recuperación sin usar de 10."))
            let off = try await browser.post("/account/two-factor/disable", form: [("password", "not-it")])
            #expect(off.text.contains("Esta no es su contraseña actual."))
        }
    }

    @Test("the access log in Spanish: what each person did, how often, and when")
    func accessLogInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            let caseModel = try await Self.spanishPatientWithRequest(browser, dependencies)
            let path = "/cases/\(try caseModel.requireID().uuidString.lowercased())"
            try await browser.get(path)
            try await browser.get(path)
            let access = try await browser.get(path + "/access")
            #expect(access.text.contains("<h1>Quién ha visto la información de Margaret Ellis</h1>"))
            #expect(access.text.contains(#"<td data-label="Qué hizo">Vio la solicitud</td><td data-label="Cuántas veces">2 veces</td>"#))
            #expect(access.text.contains("Abrió la solicitud"))
            #expect(access.text.contains("Usted y su familia:"))
            #expect(access.text.contains("Última vez: "))
            #expect(!access.text.contains("Looked at"))
        }
    }

    @Test("a physician who reads Spanish is invited in Spanish; one we do not know yet, in English")
    func invitationLanguage() async throws {
        try await TestApp.run { _, dependencies in
            let (user, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let known = try await CaseFixtures.physician(
                dependencies, email: "ana.torres@example.org", name: "Ana Torres", npi: "1234567893", verified: true)
            known.language = "es"
            try await known.update(on: dependencies.database.db)
            _ = try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "ana.torres@example.org")
            _ = try await CaseFixtures.openCase(dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
            let invitations = try await Fixtures.outbox(dependencies).filter { $0.kind == "case_invitation" }
            let spanish = try #require(invitations.first { $0.recipient == "ana.torres@example.org" })
            let english = try #require(invitations.first { $0.recipient == "samuel.reyes@example.org" })
            #expect(spanish.subject == dependencies.messages.text("mail-physician-invited-subject", in: .spanish))
            #expect(english.subject == dependencies.messages.text("mail-physician-invited-subject", in: .english))
            #expect(spanish.subject != english.subject)
        }
    }

    @Test("every action the access log shows, and the timeline's own reasons, have words in every language")
    func accessLogWords() throws {
        let config = try TestApp.configuration()
        let messages = try Messages(directory: config.resourcesDirectory + "/Resources/Messages")
        let actions = AccessLogController.shown.map(\.rawValue) + ["record.list_viewed"]
        for language in Language.allCases {
            let catalog = messages.catalog(language)
            for action in actions {
                #expect(catalog.messages[AccessLogController.message(action)] != nil, "\(language.tag): \(action)")
            }
        }
        #expect(AccessLogController.message("case.state_changed") == "access-action-case-state-changed")
    }
}
