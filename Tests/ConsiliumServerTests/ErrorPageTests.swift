import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import ConsiliumServer

@Suite("Error pages")
struct ErrorPageTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "secret detail: patient Margaret Ellis" }
    }

    /// A router with the real error middleware and a route that fails unexpectedly.
    func app(showDetails: Bool) async throws -> some ApplicationProtocol {
        let config = try TestApp.configuration()
        let renderer = try await PageRenderer(
            templatesDirectory: config.resourcesDirectory + "/Resources/Templates",
            site: SiteContext(
                institutionName: "Example Health", serviceName: "Consilium", servicePhone: "(555) 010-0199", showDevelopmentMailbox: false))
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(useHSTS: false))
        router.add(middleware: ErrorPageMiddleware(renderer: renderer, showDetails: showDetails))
        router.get("/boom") { _, _ -> Response in throw Boom() }
        router.get("/api/v1/boom") { _, _ -> Response in throw HTTPError(.badRequest, message: "The \"date\" field is not a date.") }
        return Application(router: router, logger: TestApp.logger)
    }

    @Test("an unexpected failure is a 500 page in the layout, with no detail outside development")
    func internalError() async throws {
        try await app(showDetails: false).test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(response.status == .internalServerError)
            let text = String(buffer: response.body)
            #expect(text.contains("Something went wrong on our side"))
            #expect(text.contains("Example Health"))
            #expect(!text.contains("secret detail"))
            #expect(!text.contains("Boom"))
            assertSecurityHeaders(response)
        }
    }

    @Test("in development the 500 page shows the error to the developer")
    func developmentDetail() async throws {
        try await app(showDetails: true).test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(String(buffer: response.body).contains("secret detail"))
        }
    }

    @Test("API errors are JSON with a status and a message")
    func apiError() async throws {
        try await app(showDetails: false).test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/boom", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json")
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [String: Any]]
            #expect(json?["error"]?["status"] as? Int == 400)
            #expect(json?["error"]?["message"] as? String == "The \"date\" field is not a date.")
        }
    }
}
