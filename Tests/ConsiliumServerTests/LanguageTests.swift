import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import ConsiliumServer

@Suite("Pages in the reader's language")
struct LanguageTests {
    static let spanishBrowser: HTTPFields = [.acceptLanguage: "es-MX,es;q=0.9,en;q=0.5"]

    @Test("a Spanish-speaking browser gets Spanish pages with lang=\"es\"; an English one, English")
    func acceptLanguage() async throws {
        try await TestApp.run { browser, _ in
            let spanish = try await browser.get("/", headers: Self.spanishBrowser)
            #expect(spanish.text.contains("<html lang=\"es\">"))
            #expect(spanish.text.contains("Una segunda opinión de nuestros especialistas"))
            #expect(!spanish.text.contains("How it works"))
            #expect(spanish.headers[.contentLanguage] == "es")
            // the home page is kept per language: the next English visitor still reads English
            let english = try await browser.fresh().get("/", headers: [.acceptLanguage: "en-US,en;q=0.9"])
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("How it works"))
            #expect(!english.text.contains("Cómo funciona"))
            let none = try await browser.fresh().get("/signin")
            #expect(none.text.contains("<html lang=\"en\">"))
            #expect(none.text.contains("Forgot your password?"))
        }
    }

    @Test("the switch sets the language for the next pages and comes back to the page it was on")
    func languageSwitch() async throws {
        try await TestApp.run { browser, _ in
            let page = try await browser.get("/signin")
            // every page offers both languages, each named in its own language and marked as such
            #expect(page.text.contains(#"<a href="/language/es?return=/signin" lang="es" hreflang="es">Español</a>"#))
            #expect(page.text.contains(#"<span lang="en" aria-current="true">English</span>"#))
            let chosen = try await browser.get("/language/es?return=/signin")
            #expect(chosen.status == .seeOther)
            #expect(chosen.headers[.location] == "/signin")
            let cookie = try #require(chosen.headers[values: .setCookie].first { $0.hasPrefix("consilium_language=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age="))
            let spanish = try await browser.get("/signin", headers: [.acceptLanguage: "en"])
            #expect(spanish.text.contains("<html lang=\"es\">"))
            #expect(spanish.text.contains("¿Olvidó su contraseña?"))
            #expect(spanish.text.contains(#"<a href="/language/en?return=/signin" lang="en" hreflang="en">English</a>"#))
            // and back
            try await browser.get("/language/en?return=/")
            #expect(try await browser.get("/signin").text.contains("Forgot your password?"))
        }
    }

    @Test("registration in Spanish: every step, its errors, its lists, its notices and the agreement's translation, kept with the consent")
    func registrationInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            try await browser.get("/language/es?return=/register")
            let blank = try await browser.get("/register")
            #expect(blank.text.contains("<html lang=\"es\">"))
            #expect(blank.text.contains("<title>Paso 1 de 4: Datos personales"))
            #expect(blank.text.contains("Fecha de nacimiento del paciente"))
            // countries named and sorted in Spanish; states from the catalog
            #expect(blank.text.contains(#"<option value="DE">Alemania</option>"#))
            #expect(blank.text.range(of: "Alemania")!.lowerBound < blank.text.range(of: "Estados Unidos")!.lowerBound)
            #expect(blank.text.contains(#"<option value="NY">Nueva York</option>"#))
            #expect(!blank.text.contains("Personal information"))

            var wrong = RegistrationFlow.patientStep1.filter { $0.0 != "patientLastName" && $0.0 != "birthYear" }
            wrong.append(("birthYear", "2999"))
            let refused = try await browser.post("/register", form: wrong)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Escriba el apellido del paciente."))
            #expect(refused.text.contains("La fecha de nacimiento tiene que ser una fecha pasada."))
            #expect(refused.text.contains(#"<span class="visually-hidden">Error: </span>"#))
            #expect(refused.text.contains(#"value="Margaret""#), "what was typed is kept")

            #expect(try await RegistrationFlow.step1(browser).location == "/register/agreement")
            let agreement = try await browser.get("/register/agreement")
            #expect(agreement.text.contains("Acuerdo y autorización del paciente"))
            // the shipped translation of version 1, marked as Spanish, said to be a translation of the binding English text
            #expect(agreement.text.contains(#"tabindex="0" lang="es""#))
            #expect(agreement.text.contains("Acuerdo y autorización del paciente, versión 1"))
            #expect(agreement.text.contains("Una opinión limitada y provisional."))
            #expect(agreement.text.contains("se rigen por las leyes de la Mancomunidad de Massachusetts"))
            #expect(agreement.text.contains("La versión en inglés es la que vale legalmente"))
            let unsigned = try await browser.post("/register/agreement", form: [("signature", ""), ("action", "accept")])
            #expect(unsigned.text.contains("Marque la casilla para aceptar el acuerdo"))
            #expect(try await RegistrationFlow.step2(browser, signature: "Margaret Ellis").location == "/register/account")

            let account = try await browser.get("/register/account")
            #expect(account.text.contains("Su contraseña necesita:"))
            let weak = try await browser.post(
                "/register/account",
                form: [("email", "m@example.org"), ("emailConfirmation", "m@example.org"), ("password", "short"), ("action", "next")])
            #expect(weak.text.contains("Use al menos 8 caracteres."))
            #expect(try await RegistrationFlow.step3(browser, email: "margaret.es@example.org").location == "/register/contact")

            let contact = try await browser.get("/register/contact")
            #expect(contact.text.contains("<title>Paso 4 de 4: Datos de contacto"))
            #expect(contact.text.contains("Por la mañana (de 8 a 12)"))
            let finished = try await RegistrationFlow.step4(browser)
            #expect(finished.text.contains("Revise su correo electrónico"))
            // the account keeps the language it was made in, and its first mail is in it
            let user = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.es@example.org").first())
            #expect(user.language == "es")
            let mail = try #require(try await Fixtures.outbox(dependencies).first { $0.recipient == "margaret.es@example.org" })
            #expect(mail.subject == "Confirme su correo electrónico para Consilium Online Second Opinions")
            #expect(mail.bodyText.contains("El enlace funciona una sola vez y vence en 24 horas."))
            // the consent keeps the version, the language shown, and the hashes of both texts
            let consent = try #require(try await ConsentRecordModel.query(on: dependencies.database.db).first())
            let active = try await dependencies.agreements.active()
            #expect(consent.shownLanguage == "es")
            #expect(consent.textSHA256 == active.agreementDocument.sha256, "the English text, which binds")
            #expect(consent.translationSHA256 == active.translations[.spanish]?.agreement?.document.sha256)
            #expect(consent.translationSHA256 != nil && consent.translationSHA256 != consent.textSHA256)
        }
    }

    @Test("a patient's password and contact forms, their errors and notices, in Spanish")
    func accountFormsInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            try await CaseFixtures.patientAccount(dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get("/language/es?return=/account")
            let form = try await browser.get("/account/password")
            #expect(form.text.contains("<h1>Cambiar su contraseña</h1>") && form.text.contains("Contraseña actual"))
            let wrong = try await browser.post(
                "/account/password", form: [("current_password", "nope"), ("password", "short"), ("password_confirmation", "other")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("Esta no es su contraseña actual."))
            #expect(wrong.text.contains("Use al menos 8 caracteres."))
            #expect(wrong.text.contains("Las dos contraseñas no coinciden."))
            let contact = try await browser.get("/account/contact")
            #expect(contact.text.contains("Guardar mis datos de contacto") && contact.text.contains("Su dirección postal"))
            let saved = try await browser.post("/account/contact", form: RegistrationFlow.contact)
            #expect(saved.location == "/account")
            let account = try await browser.get("/account")
            #expect(account.text.contains("Sus datos de contacto están guardados."))
            #expect(account.text.contains("mejor por la mañana, de 8 a 12"))
        }
    }

    @Test("the switch returns only to a page of this site, and knows only its languages")
    func switchIsSafe() async throws {
        try await TestApp.run { browser, _ in
            for hostile in ["//evil.example/", "https://evil.example/", "/%2F%2Fevil.example", "javascript:alert(1)"] {
                let answer = try await browser.get(
                    "/language/es?return=" + (hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                #expect(answer.headers[.location] == "/", "returned to \(hostile)")
            }
            #expect(try await browser.get("/language/fr?return=/").status == .notFound)
            #expect(try await browser.get("/language/ES?return=/").status == .notFound)
        }
    }

    @Test("errors and their page are in the reader's language")
    func errorsInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.get("/language/es?return=/signin")
            try await browser.get("/signin")
            let wrong = try await browser.post("/signin", form: [("email", "margaret.ellis@example.org"), ("password", "Not-the-pass-1")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("El correo electrónico o la contraseña no son correctos."))
            #expect(wrong.text.contains("Hay un problema"))
            #expect(wrong.text.contains("<title>Error: Iniciar sesión"))
            // a forgotten password, in Spanish from the form to the page that says what happens next
            try await browser.get("/forgot-password")
            let typo = try await browser.post("/forgot-password", form: [("email", "margaret.ellis")])
            #expect(typo.status == .badRequest)
            #expect(typo.text.contains("Escriba el correo electrónico que usa para iniciar sesión, por ejemplo nombre@ejemplo.com."))
            #expect(typo.text.contains("value=\"margaret.ellis\""))
            let sent = try await browser.post("/forgot-password", form: [("email", "margaret.ellis@example.org")])
            #expect(sent.text.contains("<h1>Revise su correo electrónico</h1>"))
            let missing = try await browser.get("/no-such-page")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("No encontramos la página"))
            #expect(missing.text.contains("<html lang=\"es\">"))
        }
    }

    @Test("a signed-in person's role is named in their language")
    func roleInSpanish() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.get("/language/es?return=/signin")
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let account = try await browser.get("/account")
            #expect(account.text.contains("Ha iniciado sesión como Margaret Ellis (Paciente)"))
        }
    }

    @Test("a language chosen while signed in is kept on the account and follows the person to another browser")
    func accountLanguage() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get("/language/es?return=/account")
            let user = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.ellis@example.org").first())
            #expect(user.language == "es")
            // another browser, whose own language is English
            let other = browser.fresh()
            let signedIn = try await other.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(signedIn.headers[values: .setCookie].contains { $0.hasPrefix("consilium_language=es") })
            let page = try await other.get("/account", headers: [.acceptLanguage: "en-US"])
            #expect(page.text.contains("<html lang=\"es\">"))
            // a visitor who is not signed in changes only their own cookie
            let stranger = browser.fresh()
            try await stranger.get("/language/en?return=/")
            let unchanged = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.ellis@example.org").first())
            #expect(unchanged.language == "es")
        }
    }

    @Test("every template marker names a message of every catalog with the placeholders it binds")
    func markersResolve() async throws {
        let config = try TestApp.configuration()
        let directory = config.resourcesDirectory + "/Resources/Templates"
        let messages = try Messages(directory: config.resourcesDirectory + "/Resources/Messages")
        let libraries = try LocalizedTemplates.libraries(directory: directory, messages: messages)
        #expect(Set(libraries.keys) == Set(Language.allCases))
        // a marker naming no message, or binding the wrong placeholders, stops the start
        let catalog = messages.catalog(.spanish)
        #expect(throws: LocalizedTemplates.MarkerError.self) {
            try LocalizedTemplates.expand("{{t no-such-message}}", template: "x", catalog: catalog)
        }
        #expect(throws: LocalizedTemplates.MarkerError.self) {
            try LocalizedTemplates.expand("{{t footer-questions}}", template: "x", catalog: catalog)
        }
        #expect(throws: LocalizedTemplates.MarkerError.self) {
            try LocalizedTemplates.expand("{{t home-step-review days=content.days}}", template: "x", catalog: catalog)
        }
        let expanded = try LocalizedTemplates.expand(
            "<p>{{t footer-service-of service=a.b institution=>phone-link}}</p>", template: "x", catalog: catalog)
        #expect(expanded == "<p>{{a.b}} es un servicio de {{>phone-link}}.</p>")
    }
}
