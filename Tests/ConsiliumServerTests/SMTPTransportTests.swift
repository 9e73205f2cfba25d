import Foundation
import Testing

@testable import ConsiliumServer

/// The SMTP client against a real SMTP server (aiosmtpd on loopback), which the test command
/// starts and names in these variables.
enum SMTPTestServer {
    static let environment = ProcessInfo.processInfo.environment
    static var port: Int? { environment["CONSILIUM_TEST_SMTP_PORT"].flatMap(Int.init) }
    static var startTLSPort: Int? { environment["CONSILIUM_TEST_SMTP_STARTTLS_PORT"].flatMap(Int.init) }
    static var maildir: String? { environment["CONSILIUM_TEST_SMTP_MAILDIR"] }
    static var caFile: String? { environment["CONSILIUM_TEST_SMTP_CA"] }
    static var available: Bool { port != nil && startTLSPort != nil && maildir != nil && caFile != nil }

    /// The captured message whose text contains `marker`, waiting briefly for it to land.
    static func captured(containing marker: String) async throws -> String? {
        guard let maildir else { return nil }
        for _ in 0..<50 {
            let folder = maildir + "/new"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                if text.contains(marker) { return text }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}

@Suite("SMTP transport against a real server", .enabled(if: SMTPTestServer.available, "the test command starts aiosmtpd"))
struct SMTPTransportTests {
    func mail(_ marker: String) -> OutgoingMail {
        OutgoingMail(
            fromAddress: "no-reply@example.org", fromName: "Consilium", to: "margaret.ellis@example.org", subject: "Test \(marker)",
            body: "Hello,\n.a line that starts with a dot\n\(marker)", messageID: "\(marker)@consilium", date: Date())
    }

    @Test("plain SMTP with AUTH PLAIN on loopback delivers the message intact")
    func plainWithAuth() async throws {
        let marker = UUID().uuidString
        let transport = SMTPTransport(
            settings: .init(host: "127.0.0.1", port: SMTPTestServer.port!, security: .none, username: "consilium", password: "relay-secret")
        )
        try await transport.send(mail(marker))
        let captured = try #require(try await SMTPTestServer.captured(containing: marker))
        #expect(captured.contains("Subject: Test \(marker)"))
        #expect(captured.contains("\n.a line that starts with a dot"))
        #expect(captured.contains("Message-ID: <\(marker)@consilium>"))
    }

    @Test("wrong credentials are an error, so the message stays in the outbox")
    func wrongCredentials() async throws {
        let transport = SMTPTransport(
            settings: .init(host: "127.0.0.1", port: SMTPTestServer.port!, security: .none, username: "consilium", password: "wrong"))
        await #expect(throws: SMTPError.self) { try await transport.send(mail(UUID().uuidString)) }
    }

    @Test("STARTTLS upgrades the connection, verifies the server's certificate and then authenticates")
    func startTLS() async throws {
        let marker = UUID().uuidString
        let transport = SMTPTransport(
            settings: .init(
                host: "localhost", port: SMTPTestServer.startTLSPort!, security: .starttls, username: "consilium",
                password: "relay-secret", caFile: SMTPTestServer.caFile))
        try await transport.send(mail(marker))
        #expect(try await SMTPTestServer.captured(containing: marker) != nil)
    }

    @Test("a certificate from an unknown authority is refused")
    func untrustedCertificate() async throws {
        let transport = SMTPTransport(settings: .init(host: "localhost", port: SMTPTestServer.startTLSPort!, security: .starttls))
        await #expect(throws: (any Error).self) { try await transport.send(mail(UUID().uuidString)) }
    }

    @Test("STARTTLS required but not offered: nothing is sent in the clear")
    func startTLSMissing() async throws {
        let transport = SMTPTransport(settings: .init(host: "127.0.0.1", port: SMTPTestServer.port!, security: .starttls))
        await #expect(throws: SMTPError.self) { try await transport.send(mail(UUID().uuidString)) }
    }

    @Test("the delivery loop sends outbox mail through SMTP")
    func throughOutbox() async throws {
        let config = try TestApp.configuration([
            "CONSILIUM_MAIL_TRANSPORT": "smtp", "CONSILIUM_SMTP_HOST": "127.0.0.1", "CONSILIUM_SMTP_PORT": "\(SMTPTestServer.port!)",
            "CONSILIUM_SMTP_SECURITY": "none",
        ])
        try await TestApp.withDependencies(config) { dependencies in
            let marker = UUID().uuidString
            try await dependencies.outbox.enqueue(
                MailMessage(to: "daniel.ellis@example.org", subject: "Outbox \(marker)", body: "Hello", kind: .test),
                in: dependencies.database.db)
            let sent = try await dependencies.mailDelivery.deliverDue()
            #expect(sent == 1)
            let captured = try await SMTPTestServer.captured(containing: "Outbox \(marker)")
            #expect(captured != nil)
        }
    }
}
