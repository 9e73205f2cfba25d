import Foundation
import HummingbirdTesting

/// Fills the registration wizard through HTTP, step by step, as a browser would post it.
enum RegistrationFlow {
    static let patientStep1: [(String, String)] = [
        ("registrant", "self"), ("patientFirstName", "Margaret"), ("patientLastName", "Ellis"), ("birthDay", "14"),
        ("birthMonth", "6"), ("birthYear", "1951"), ("sex", "female"), ("country", "US"), ("state", "MA"),
        ("preferredLanguage", "en"), ("interpreter", "no"),
    ]

    static let familyStep1: [(String, String)] = [
        ("registrant", "family"), ("patientFirstName", "Lily"), ("patientLastName", "Ellis"), ("birthDay", "2"), ("birthMonth", "9"),
        ("birthYear", "2015"), ("sex", "female"), ("preferredLanguage", "es"), ("interpreter", "yes"), ("proxyFirstName", "Daniel"),
        ("proxyLastName", "Ellis"), ("relationship", "parent"),
        ("authority", "parent_of_minor"), ("country", "US"), ("state", "NH"),
    ]

    static let contact: [(String, String)] = [
        ("addressLine1", "12 Beacon Street"), ("addressLine2", "Apt 3"), ("city", "Boston"), ("region", "MA"), ("postalCode", "02108"),
        ("addressCountry", "US"), ("phone", "(617) 555-0134"), ("preferredContactTime", "morning"),
    ]

    static let password = "Lantern-Orchard-58"

    static func step1(_ browser: TestBrowser, _ fields: [(String, String)] = patientStep1) async throws -> TestResponse {
        try await browser.get("/register")
        return try await browser.post("/register", form: fields)
    }

    static func step2(_ browser: TestBrowser, signature: String, courtesyCopy: Bool = true) async throws -> TestResponse {
        try await browser.get("/register/agreement")
        var form = [("agree", "yes"), ("signature", signature), ("action", "accept")]
        if courtesyCopy { form.append(("courtesyCopy", "yes")) }
        return try await browser.post("/register/agreement", form: form)
    }

    static func step3(_ browser: TestBrowser, email: String, password: String = password) async throws -> TestResponse {
        try await browser.get("/register/account")
        return try await browser.post(
            "/register/account",
            form: [
                ("email", email), ("emailConfirmation", email), ("password", password), ("passwordConfirmation", password),
                ("action", "next"),
            ])
    }

    static func step4(_ browser: TestBrowser, _ fields: [(String, String)] = contact) async throws -> TestResponse {
        try await browser.get("/register/contact")
        return try await browser.post("/register/contact", form: fields + [("action", "finish")])
    }

    /// Runs all four steps for a patient registering themself and returns the last response.
    static func registerPatient(_ browser: TestBrowser, email: String = "margaret.ellis@example.org") async throws -> TestResponse {
        _ = try await step1(browser)
        _ = try await step2(browser, signature: "Margaret Ellis")
        _ = try await step3(browser, email: email)
        return try await step4(browser)
    }
}
