import ConsiliumCore
import FluentKit
import Foundation
import HummingbirdOTP
import Testing

@testable import ConsiliumServer

@Suite("Two-step sign-in")
struct TwoFactorTests {
    /// The key shown on the enrolment page, decoded from base32 back to what the app computes with.
    static func secret(fromPage html: String) throws -> String {
        let start = try #require(html.range(of: "<strong id=\"manual-key\">"))
        let key = html[start.upperBound...].prefix { $0 != "<" }.filter { $0 != " " }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in key {
            buffer = (buffer << 5) | (try #require(alphabet.firstIndex(of: character)))
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func code(_ secret: String, step offset: Int64 = 0) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: TwoFactorService.date(ofStep: OneTimeCode.step(at: Date()) + offset)))
    }

    @Test("RFC 6238's test vectors (SHA-1, 8 digits) through HummingbirdOTP and our step arithmetic")
    func rfc6238() {
        let vectors: [(Int64, Int)] = [
            (59, 94_287_082), (1_111_111_109, 7_081_804), (1_111_111_111, 14_050_471), (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037), (20_000_000_000, 65_353_130),
        ]
        let totp = TOTP(secret: "12345678901234567890", length: 8)
        for (time, expected) in vectors {
            let step = OneTimeCode.step(at: Date(timeIntervalSince1970: Double(time)))
            #expect(totp.compute(date: TwoFactorService.date(ofStep: step)) == expected, "T = \(time)")
        }
        // SHA-256 and SHA-512 rows of the same appendix
        #expect(
            TOTP(secret: "12345678901234567890123456789012", length: 8, hashFunction: .sha256).compute(
                date: Date(timeIntervalSince1970: 59)) == 46_119_246)
        #expect(
            TOTP(secret: "1234567890123456789012345678901234567890123456789012345678901234", length: 8, hashFunction: .sha512)
                .compute(date: Date(timeIntervalSince1970: 59)) == 90_693_936)
    }

    @Test("a coordinator without two-step sign-in sees no patient data until they enrol; then recovery codes, once")
    func staffMustEnrol() async throws {
        try await TestApp.run { browser, dependencies in
            // setup
            let (patientUser, patient) = try await CaseFixtures.patientAccount(
                dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
            let caseModel = try await CaseFixtures.openCase(dependencies, by: patientUser, for: patient, physicianEmail: "sam@example.org")
            let caseID = caseModel.id!.uuidString.lowercased()
            try await Fixtures.user(
                dependencies, email: "miguel.santos@example.org", name: "Miguel Santos", role: .coordinator, twoFactor: false)
            // act: the password alone signs in, but every page leads to enrolment
            let signIn = try await browser.signIn("miguel.santos@example.org", Fixtures.password)
            #expect(signIn.location == "/account")
            for path in ["/account", "/staff/cases", "/cases/\(caseID)", "/cases/\(caseID)/records", "/staff/physicians", "/admin"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther && response.location == "/account/two-factor", "\(path)")
                #expect(!response.text.contains("Margaret"), "\(path)")
            }
            let enrol = try await browser.get("/account/two-factor")
            #expect(enrol.status == .ok)
            #expect(enrol.text.contains("Before you can see any patient"))
            let secret = try Self.secret(fromPage: enrol.text)
            #expect(secret.count == 20)
            let svg = try await browser.get("/account/two-factor/qr.svg")
            #expect(svg.headers[.contentType] == "image/svg+xml")
            #expect(svg.text.hasPrefix("<svg"))
            // the same key on reload
            #expect(try Self.secret(fromPage: try await browser.get("/account/two-factor").text) == secret)
            // a wrong code: the field says so and nothing changes
            let wrong = try await browser.post("/account/two-factor", form: [("code", "000000")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("That code is not right"))
            #expect(try await browser.get("/staff/cases").location == "/account/two-factor")
            // the right code turns it on and shows ten recovery codes
            let done = try await browser.post("/account/two-factor", form: [("code", Self.code(secret))])
            #expect(done.status == .ok)
            let codes = done.text.matches(of: /<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/li>/).map { String($0.1) }
            #expect(codes.count == 10)
            // check
            #expect(try await browser.get("/staff/cases").status == .ok)
            #expect(try await browser.get("/cases/\(caseID)").status == .ok)
            #expect(try await browser.get("/account/two-factor/qr.svg").status == .notFound, "the key is never shown again")
            let stored = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "miguel.santos@example.org").first())
            #expect(stored.totpSecret?.hasPrefix("v1:") == true && stored.totpSecret?.contains(secret) == false, "sealed at rest")
            #expect(try await RecoveryCodeModel.query(on: dependencies.database.db).count() == 10)
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.twoFactorEnrolled.rawValue))
        }
    }

    @Test("sign-in asks for the code; a wrong or replayed code is refused; the pending sign-in is not signed in")
    func signInWithCode() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies, email: "helen.park@example.org", name: "Helen Park", role: .consultant)
            let first = try await browser.signIn("helen.park@example.org", Fixtures.password, enterCode: false)
            #expect(first.location == "/signin/code")
            #expect(try await browser.get("/account").location?.hasPrefix("/signin") == true, "not signed in between the steps")
            try await browser.get("/signin/code")
            let wrong = try await browser.post("/signin/code", form: [("method", "totp"), ("code", "12345")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("That code is not right"))
            let code = Self.code(Fixtures.totpSecret)
            let right = try await browser.post("/signin/code", form: [("method", "totp"), ("code", code)])
            #expect(right.location == "/account")
            #expect(try await browser.get("/account").status == .ok)
            // the same code again, from another browser: refused as already used
            let thief = browser.fresh()
            try await thief.signIn("helen.park@example.org", Fixtures.password, enterCode: false)
            try await thief.get("/signin/code")
            let replay = try await thief.post("/signin/code", form: [("method", "totp"), ("code", code)])
            #expect(replay.status == .unauthorized)
            #expect(replay.text.contains("already been used"))
            let failures = try await AuditEventModel.query(on: dependencies.database.db).filter(
                \.$action == AuditAction.signInFailed.rawValue
            )
            .all().compactMap(\.detail)
            #expect(failures == ["wrong_code", "replayed_code"])
            let signIns = try await AuditEventModel.query(on: dependencies.database.db).filter(\.$action == AuditAction.signIn.rawValue)
                .all()
            #expect(signIns.compactMap(\.detail) == ["password+totp"])
        }
    }

    @Test("a recovery code signs in once; typing it loosely still works; five wrong codes are throttled")
    func recoveryCodes() async throws {
        try await TestApp.run { browser, dependencies in
            let user = try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            let codes = try await dependencies.twoFactor.regenerateRecoveryCodes(of: user, actor: .system)
            try await browser.signIn("grace.okafor@example.org", Fixtures.password, enterCode: false)
            #expect(try await browser.get("/signin/code?recovery=1").text.contains("Use a recovery code"))
            let used = try await browser.post(
                "/signin/code", form: [("method", "recovery"), ("recovery_code", codes[3].uppercased().replacing("-", with: " "))])
            #expect(used.location == "/account")
            #expect(try await browser.get("/account").text.contains("9 of 10 are left"))
            let again = browser.fresh()
            try await again.signIn("grace.okafor@example.org", Fixtures.password, enterCode: false)
            try await again.get("/signin/code?recovery=1")
            let reused = try await again.post("/signin/code", form: [("method", "recovery"), ("recovery_code", codes[3])])
            #expect(reused.status == .unauthorized)
            #expect(reused.text.contains("already used"))
            // the owner is told of each change by mail, with no code in it
            let notices = try await Fixtures.outbox(dependencies).filter { $0.kind == "security_notice" }
            #expect(notices.map(\.subject).contains { $0.hasPrefix("New recovery codes were made") })
            #expect(
                notices.contains { $0.subject.hasPrefix("A recovery code was used") && $0.bodyText.contains("9 of your 10 codes are left") }
            )
            #expect(!notices.contains { notice in codes.contains { notice.bodyText.contains($0) } })
            for _ in 0..<3 { try await again.post("/signin/code", form: [("method", "totp"), ("code", "000000")]) }
            #expect(try await again.post("/signin/code", form: [("method", "totp"), ("code", "000000")]).status == .tooManyRequests)
        }
    }

    @Test("a patient may turn it on and off (with the password); a consultant may not turn it off")
    func optionalForPatients() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let enrol = try await browser.get("/account/two-factor")
            #expect(!enrol.text.contains("Before you can see any patient"))
            let secret = try Self.secret(fromPage: enrol.text)
            #expect(try await browser.post("/account/two-factor", form: [("code", Self.code(secret))]).status == .ok)
            #expect(try await browser.get("/account/two-factor").text.contains("Turn off two-step sign-in"))
            #expect(try await browser.post("/account/two-factor/disable", form: [("password", "wrong")]).status == .badRequest)
            #expect(try await browser.post("/account/two-factor/disable", form: [("password", Fixtures.password)]).location == "/account")
            #expect(
                try await browser.fresh().signIn("margaret.ellis@example.org", Fixtures.password, enterCode: false).location == "/account")

            try await Fixtures.user(dependencies, email: "helen.park@example.org", name: "Helen Park", role: .consultant)
            let helen = browser.fresh()
            try await helen.signIn("helen.park@example.org", Fixtures.password)
            #expect(!(try await helen.get("/account/two-factor").text.contains("Turn off")))
            #expect(try await helen.post("/account/two-factor/disable", form: [("password", Fixtures.password)]).status == .forbidden)
        }
    }

    @Test("the operator's reset from the command line clears the key and codes, ends sessions, and is audited")
    func operatorReset() async throws {
        try await TestApp.run { browser, dependencies in
            let grace = try await Fixtures.user(dependencies, email: "grace.okafor@example.org", name: "Grace Okafor", role: .administrator)
            _ = try await dependencies.twoFactor.regenerateRecoveryCodes(of: grace, actor: .system)
            try await browser.signIn("grace.okafor@example.org", Fixtures.password)
            #expect(try await browser.get("/admin").status == .ok)
            // act
            try await UserCommands(dependencies).resetTwoFactor(email: "Grace.Okafor@example.org")
            // check
            #expect(try await browser.get("/admin").location?.hasPrefix("/signin") == true, "sessions ended")
            let stored = try #require(try await UserModel.find(grace.id, on: dependencies.database.db))
            #expect(stored.totpSecret == nil && !stored.hasTwoFactor)
            #expect(try await RecoveryCodeModel.query(on: dependencies.database.db).count() == 0)
            let again = browser.fresh()
            #expect(try await again.signIn("grace.okafor@example.org", Fixtures.password, enterCode: false).location == "/account")
            #expect(try await again.get("/admin").location == "/account/two-factor")
            let event = try #require(
                try await AuditEventModel.query(on: dependencies.database.db).filter(\.$action == AuditAction.twoFactorReset.rawValue)
                    .first())
            #expect(event.detail == "by_operator")
            await #expect(throws: UserCommands.Refusal.self) {
                try await UserCommands(dependencies).resetTwoFactor(email: "nobody@example.org")
            }
        }
    }
}
