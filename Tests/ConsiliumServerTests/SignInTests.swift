import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Testing

@testable import ConsiliumServer

@Suite("Sign-in, sessions and sign-out")
struct SignInTests {
    @Test("signing in sets an HttpOnly, SameSite=Lax session cookie and lands on the account page")
    func signIn() async throws {
        try await TestApp.run { browser, dependencies in
            // setup
            try await Fixtures.user(dependencies)
            // act
            let response = try await browser.signIn("Margaret.Ellis@Example.org ", Fixtures.password)
            // check
            #expect(response.status == .seeOther)
            #expect(response.location == "/account")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("consilium_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            #expect(account.text.contains("Margaret Ellis"))
            #expect(account.headers[.cacheControl] == "no-store")
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.signIn.rawValue))
        }
    }

    @Test("over https the cookie is Secure and __Host- prefixed")
    func secureCookie() async throws {
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_BASE_URL": "https://opinions.example.org"])) { browser, dependencies in
            try await Fixtures.user(dependencies)
            let response = try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let cookie = try #require(response.headers[values: .setCookie].first)
            #expect(cookie.hasPrefix("__Host-consilium_session="))
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Domain"))
        }
    }

    @Test("signing in issues a new session id and deletes the old session")
    func rotation() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let first = try #require(browser.cookies["consilium_session"])
            // signing in again from a signed-in session (as another person would at a shared computer)
            try await browser.get("/account")
            try await browser.post("/signin", form: [("email", "margaret.ellis@example.org"), ("password", Fixtures.password)])
            let second = try #require(browser.cookies["consilium_session"])
            #expect(first != second)
            // the first id no longer opens anything
            browser.setCookie("consilium_session", first)
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 1)
        }
    }

    @Test("the stored session key is a hash, not the cookie's id")
    func hashedKey() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let id = try #require(browser.cookies["consilium_session"])
            let record = try #require(try await SessionRecord.query(on: dependencies.database.db).first())
            #expect(record.id == SecureToken.hash(SessionMiddleware.keyPrefix + id))
            #expect(record.id?.contains(id) == false)
        }
    }

    @Test("an unknown email and a wrong password get the same answer")
    func sameAnswer() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            let wrong = try await browser.signIn("margaret.ellis@example.org", "Not-the-pass-1")
            let unknown = try await browser.signIn("nobody@example.org", "Not-the-pass-1")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == wrong.status)
            #expect(wrong.text.contains("The email address or password is not correct."))
            #expect(unknown.text.contains("The email address or password is not correct."))
            // the typed email is kept, the password never is
            #expect(unknown.text.contains("value=\"nobody@example.org\""))
            #expect(!unknown.text.contains("Not-the-pass-1"))
            let actions = try await Fixtures.auditActions(dependencies)
            #expect(actions.filter { $0 == AuditAction.signInFailed.rawValue }.count == 2)
        }
    }

    @Test("the eleventh attempt on one account within 15 minutes is refused with 429")
    func rateLimit() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            for _ in 0..<10 {
                #expect(try await browser.signIn("margaret.ellis@example.org", "Wrong-pass-1").status == .unauthorized)
            }
            let refused = try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] != nil)
            #expect(refused.text.contains("Too many attempts"))
            assertSecurityHeaders(refused)
            // another account from the same address is not affected yet
            try await Fixtures.user(dependencies, email: "daniel.ellis@example.org", name: "Daniel Ellis")
            #expect(try await browser.signIn("daniel.ellis@example.org", Fixtures.password).status == .seeOther)
            // the counter lives in the database, so it survives a restart
            #expect(try await RateLimitCounter.query(on: dependencies.database.db).count() >= 2)
        }
    }

    @Test("a sign-in form without its CSRF token, or from another origin, is refused")
    func csrf() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.get("/signin")
            let form = [("email", "margaret.ellis@example.org"), ("password", Fixtures.password)]
            let missing = try await browser.post("/signin", form: form, csrf: "")
            #expect(missing.status == .forbidden)
            assertSecurityHeaders(missing)
            let forged = try await browser.post("/signin", form: form, csrf: String(repeating: "x", count: 43))
            #expect(forged.status == .forbidden)
            try await browser.get("/signin")
            let foreign = try await browser.post("/signin", form: form, origin: "https://evil.example")
            #expect(foreign.status == .forbidden)
            try await browser.get("/signin")
            #expect(try await browser.post("/signin", form: form).status == .seeOther)
        }
    }

    @Test("a signed-in form needs the session's own token")
    func csrfSignedIn() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let anonymousToken = try #require(browser.cookies["consilium_csrf"])
            #expect(try await browser.post("/signout", csrf: anonymousToken).status == .forbidden)
            try await browser.get("/account")
            #expect(try await browser.post("/signout").status == .seeOther)
        }
    }

    @Test("signing out deletes the session: the old cookie opens nothing")
    func signOut() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let id = try #require(browser.cookies["consilium_session"])
            try await browser.get("/account")
            let response = try await browser.post("/signout")
            #expect(response.location == "/signin?signedout=1")
            #expect(browser.cookies["consilium_session"] == nil)
            browser.setCookie("consilium_session", id)
            let after = try await browser.get("/account")
            #expect(after.status == .seeOther)
            #expect(after.location == "/signin?next=%2Faccount")
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 0)
            #expect(try await Fixtures.auditActions(dependencies).contains(AuditAction.signOut.rawValue))
        }
    }

    @Test("a session idle for 30 minutes ends on the server, and the person is told why")
    func idleTimeout() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await ageSession(dependencies) { $0.lastSeenAt -= 30 * 60 + 1 }
            let response = try await browser.get("/account")
            #expect(response.status == .seeOther)
            #expect(response.location == "/signin?next=%2Faccount&expired=1")
            #expect(browser.cookies["consilium_session"] == nil)
            let signin = try await browser.get(response.location!)
            #expect(signin.text.contains("signed out after a period of inactivity"))
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 0)
        }
    }

    @Test("a busy session still ends 12 hours after sign-in")
    func absoluteTimeout() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await ageSession(dependencies) { $0.createdAt -= 12 * 3600 }
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test("the expired-session message shows on the sign-in page")
    func expiredMessage() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await ageSession(dependencies) { $0.lastSeenAt -= 3600 }
            let page = try await browser.get("/signin")
            #expect(page.text.contains("signed out after a period of inactivity"))
        }
    }

    @Test("a disabled account's open session fails on its next request")
    func disabled() async throws {
        try await TestApp.run { browser, dependencies in
            let user = try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(try await browser.get("/account").status == .ok)
            user.disabledAt = Date()
            try await user.update(on: dependencies.database.db)
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 0)
            #expect(try await browser.signIn("margaret.ellis@example.org", Fixtures.password).status == .forbidden)
        }
    }

    @Test("after sign-in the person returns to the page they asked for, never to another site")
    func next() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            let redirect = try await browser.get("/account/password")
            #expect(redirect.location == "/signin?next=%2Faccount%2Fpassword")
            try await browser.get(redirect.location!)
            let response = try await browser.post(
                "/signin", form: [("email", "margaret.ellis@example.org"), ("password", Fixtures.password), ("next", "/account/password")])
            #expect(response.location == "/account/password")
            #expect(SignInController.safeNext("//evil.example/x") == "")
            #expect(SignInController.safeNext("https://evil.example") == "")
            #expect(SignInController.safeNext("/\\evil.example") == "")
        }
    }

    @Test("a password set in one Unicode form signs in when typed in another (NFC and NFD)")
    func unicodeForms() async throws {
        try await TestApp.run { browser, dependencies in
            let precomposed = "\u{00C5}ngstr\u{00F6}m-Harbour-24"
            let decomposed = "A\u{030A}ngstro\u{0308}m-Harbour-24"
            _ = try await dependencies.accountService.createUser(
                email: try EmailAddress("anders@example.org"), displayName: "Anders Berg", role: .patient, password: precomposed,
                verified: true, actor: .system)
            #expect(try await browser.signIn("anders@example.org", decomposed).location == "/account")
            #expect(try await browser.fresh().signIn("anders@example.org", precomposed).location == "/account")
        }
    }

    @Test("a hash made before normalisation still signs in, and is replaced by a normalised one at that sign-in")
    func legacyHashUpgraded() async throws {
        try await TestApp.run { browser, dependencies in
            let precomposed = "\u{00C5}ngstr\u{00F6}m-Harbour-24"
            let user = try await Fixtures.user(dependencies, email: "anders@example.org", name: "Anders Berg")
            // the hash as the service made it before: Bcrypt of the pre-hash of the password as typed
            user.passwordHash = Bcrypt.hash(PasswordPrehash.bcryptInput(for: precomposed), cost: 4)
            try await user.update(on: dependencies.database.db)
            let decomposed = "A\u{030A}ngstro\u{0308}m-Harbour-24"
            #expect(try await browser.signIn("anders@example.org", decomposed).status == .unauthorized)
            #expect(try await browser.signIn("anders@example.org", precomposed).location == "/account")
            let after = try #require(try await UserModel.find(user.id, on: dependencies.database.db))
            #expect(after.passwordHash.hasPrefix(PasswordHasher.normalisedPrefix))
            #expect(try await browser.fresh().signIn("anders@example.org", decomposed).location == "/account")
        }
    }

    @Test("a next value that a browser would read as another site lands on the account page (open redirect)")
    func hostileNext() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            for hostile in ["/\t/evil.example", "/%09/evil.example", "/\\evil.example", "/%2F/evil.example", "/\u{FF0F}evil.example"] {
                let visitor = browser.fresh()
                try await visitor.get("/signin")
                let response = try await visitor.post(
                    "/signin", form: [("email", "margaret.ellis@example.org"), ("password", Fixtures.password), ("next", hostile)])
                #expect(response.status == .seeOther)
                #expect(response.location == "/account", "next=\(hostile.debugDescription)")
            }
            // the sign-in page itself never carries a hostile value into its form
            let page = try await browser.get("/signin?next=%2F%09%2Fevil.example")
            #expect(!page.text.contains("evil.example"))
        }
    }
}

/// Rewrites the stored state of the only session, as time passing would.
func ageSession(_ dependencies: AppDependencies, _ change: (inout SessionState) -> Void) async throws {
    let record = try #require(try await SessionRecord.query(on: dependencies.database.db).first())
    var state = try JSONDecoder().decode(SessionState.self, from: record.data)
    change(&state)
    record.data = try JSONEncoder().encode(state)
    try await record.update(on: dependencies.database.db)
}

@Suite("CSRF on multipart forms")
struct MultipartCSRFTests {
    @Test("a multipart post without a token is refused before any handler runs")
    func multipartWithoutToken() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n"
            var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=b"]
            headers[HTTPField.Name("Origin")!] = browser.origin
            let refused = try await browser.send("/signout", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(refused.status == .forbidden)
            #expect(try await browser.get("/account").status == .ok)
            // with the token in the header, the same request goes through
            try await browser.get("/account")
            headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrfToken
            let accepted = try await browser.send("/signout", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(accepted.status == .seeOther)
        }
    }
}
