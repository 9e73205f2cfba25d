import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import ConsiliumServer

@Suite("Public pages, health and security headers")
struct PagesTests {
    @Test("the home page explains the service, names the institution and sets no cookie")
    func home() async throws {
        try await TestApp.run { browser, _ in
            // act
            let response = try await browser.get("/")
            // check
            #expect(response.status == .ok)
            #expect(response.text.contains("Example Health Network"))
            #expect(response.text.contains("<main id=\"main\""))
            #expect(response.text.contains("href=\"/signin\""))
            #expect(response.headers[values: .setCookie].isEmpty)
            assertSecurityHeaders(response)
        }
    }

    @Test("an unknown page is a 404 in the site's layout, with every security header")
    func notFound() async throws {
        try await TestApp.run { browser, _ in
            let response = try await browser.get("/no/such/page")
            #expect(response.status == .notFound)
            #expect(response.text.contains("Page not found"))
            #expect(response.text.contains("Example Health Network"))
            assertSecurityHeaders(response)
        }
    }

    @Test("a body over the limit is a 413 page")
    func tooLarge() async throws {
        try await TestApp.run { browser, _ in
            try await browser.get("/signin")
            let huge = String(repeating: "a", count: 300 * 1024)
            let response = try await browser.post("/signin", form: [("email", huge)])
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("That was too large"))
            assertSecurityHeaders(response)
        }
    }

    @Test("healthz answers without the database, readyz with it")
    func health() async throws {
        try await TestApp.run { browser, _ in
            let live = try await browser.get("/healthz")
            #expect(live.status == .ok)
            #expect(live.text == "ok\n")
            let ready = try await browser.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.text == "ready\n")
        }
    }

    @Test("the stylesheet is served and may be cached; generated pages may not")
    func staticFiles() async throws {
        try await TestApp.run { browser, _ in
            let css = try await browser.get("/static/css/site.css")
            #expect(css.status == .ok)
            #expect(css.headers[.cacheControl] == "public, max-age=3600")
            #expect(try await browser.get("/").headers[.cacheControl] == "no-store")
            let escape = try await browser.get("/static/../Package.swift")
            #expect(escape.status != .ok)
            #expect(!escape.text.contains("PackageDescription"))
        }
    }

    @Test("HSTS is sent only when the service is reached over https")
    func hsts() async throws {
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_BASE_URL": "https://opinions.example.org"])) { browser, _ in
            let response = try await browser.get("/")
            #expect(response.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
        }
        try await TestApp.run { browser, _ in
            let response = try await browser.get("/")
            #expect(response.headers[.strictTransportSecurity] == nil)
        }
    }

    @Test("the development mailbox exists only in development")
    func developmentMailbox() async throws {
        try await TestApp.run { browser, _ in
            let response = try await browser.get("/dev/mail")
            #expect(response.status == .notFound)
        }
        try await TestApp.run(try TestApp.configuration(["CONSILIUM_ENV": "development", "CONSILIUM_BCRYPT_COST": "12"])) { browser, _ in
            let response = try await browser.get("/dev/mail")
            #expect(response.status == .ok)
        }
    }
}

/// The headers every response must carry, error pages included.
func assertSecurityHeaders(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
    let csp = response.headers[.contentSecurityPolicy] ?? ""
    #expect(csp.contains("frame-ancestors 'none'"), sourceLocation: sourceLocation)
    #expect(csp.contains("base-uri 'none'"), sourceLocation: sourceLocation)
    #expect(csp.contains("script-src 'self'"), sourceLocation: sourceLocation)
    #expect(!csp.contains("unsafe-inline"), sourceLocation: sourceLocation)
    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", sourceLocation: sourceLocation)
    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", sourceLocation: sourceLocation)
    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", sourceLocation: sourceLocation)
}

@Suite("Content security policies")
struct ContentSecurityPolicyTests {
    @Test("a handler's own policy is completed with frame-ancestors and base-uri, and never doubled")
    func completing() {
        typealias Headers = SecurityHeadersMiddleware<AppRequestContext>
        #expect(Headers.completing("sandbox; default-src 'none'") == "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
        #expect(Headers.completing("frame-ancestors 'self'; base-uri 'none'") == "frame-ancestors 'self'; base-uri 'none'")
        #expect(Headers.completing(Headers.contentSecurityPolicy) == Headers.contentSecurityPolicy)
    }
}

@Suite("Overload")
struct OverloadTests {
    @Test("when no database connection comes free in time the answer is 503 with Retry-After, never 500")
    func busy() async throws {
        var config = try TestApp.configuration()
        config.databasePoolTimeout = .milliseconds(300)
        try await TestApp.run(config) { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            // another piece of work holds every connection for longer than the pool waits
            let held = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<Self.connections(dependencies) {
                        group.addTask { try await dependencies.database.db.transaction { _ in try await Task.sleep(for: .seconds(2)) } }
                    }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            let refusals = MetricsTests.value(
                "consilium_database_overload_refusals_total", in: await ServiceMetrics.exposition(database: dependencies.database))
            let response = try await browser.get("/account")
            #expect(response.status == .serviceUnavailable)
            let counted = MetricsTests.value(
                "consilium_database_overload_refusals_total", in: await ServiceMetrics.exposition(database: dependencies.database))
            #expect((counted ?? 0) >= (refusals ?? 0) + 1)
            #expect(response.headers[.retryAfter] == "2")
            #expect(response.text.contains("We are very busy just now"))
            try await held.value
            #expect(try await browser.get("/account").status == .ok)
        }
    }

    /// How many connections the test's pool can hand out at once.
    static func connections(_ dependencies: AppDependencies) -> Int {
        switch dependencies.config.database {
        case .postgres(_, _, let perLoop): perLoop * System.coreCount
        default: 1
        }
    }
}

@Suite("Template names")
struct TemplateNameTests {
    @Test("every public page and form, and the error pages, find each name their templates ask for")
    func publicPages() async throws {
        try await TestApp.run { browser, dependencies in
            for path in [
                "/", "/signin", "/signin?expired=1", "/forgot-password", "/reset-password?token=nothing", "/register", "/terms",
                "/terms/1", "/agreement/1", "/questions", "/privacy", "/physicians/register", "/verify-email?token=nothing",
                "/invitation?token=nothing", "/cases/join/invite?token=x", "/no-such-page",
            ] {
                let response = try await browser.get(path)
                #expect(response.status.code < 500, "\(path)")
            }
            // a form sent back with its errors beside the fields
            try await browser.get("/register")
            try await browser.post("/register", form: [("registrant", "self")])
            try await browser.get("/signin")
            try await browser.post("/signin", form: [("email", "not an address"), ("password", "")])
            #expect(dependencies.unresolvedTemplateKeys.all == [], "template names that resolved to nothing")
        }
    }
}
