import ConsiliumCore
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import ConsiliumServer

/// A transport that records what it was given, or fails, for testing the delivery loop's
/// bookkeeping (the real transports have tests of their own below).
final class RecordingTransport: MailTransport {
    private let sent = NIOLockedValueBox<[OutgoingMail]>([])
    let failing: Bool
    /// How long each message takes to send, whatever happens meanwhile (a send is never cut short).
    let delay: Duration

    /// Called as each send begins.
    let onSend: @Sendable () -> Void

    init(failing: Bool = false, delay: Duration = .milliseconds(2), onSend: @escaping @Sendable () -> Void = {}) {
        self.failing = failing
        self.delay = delay
        self.onSend = onSend
    }

    var messages: [OutgoingMail] { sent.withLockedValue { $0 } }

    func send(_ mail: OutgoingMail) async throws {
        if failing { throw SMTPError.connectionClosed }
        onSend()
        let delay = self.delay
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(delay.components.attoseconds / 1_000_000_000))) {
                done.resume()
            }
        }
        sent.withLockedValue { $0.append(mail) }
    }
}

@Suite("Mail outbox and delivery")
struct MailTests {
    func enqueue(_ count: Int, _ dependencies: AppDependencies) async throws {
        for index in 0..<count {
            try await dependencies.outbox.enqueue(
                MailMessage(to: "person\(index)@example.org", subject: "Notice \(index)", body: "Hello", kind: .test),
                in: dependencies.database.db)
        }
    }

    @Test("a message in a rolled-back transaction is never sent")
    func transactional() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            struct Abort: Error {}
            _ = try? await dependencies.database.db.transaction { tx in
                try await dependencies.outbox.enqueue(MailMessage(to: "a@example.org", subject: "s", body: "b", kind: .test), in: tx)
                throw Abort()
            }
            let count = try await OutboxMessageModel.query(on: dependencies.database.db).count()
            #expect(count == 0)
        }
    }

    @Test("due messages are sent once and marked sent")
    func delivery() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await enqueue(3, dependencies)
            let transport = RecordingTransport()
            let service = MailDeliveryService(
                database: dependencies.database, transport: transport, config: dependencies.config.mail, pollInterval: .seconds(60),
                logger: TestApp.logger)
            #expect(try await service.deliverDue() == 3)
            #expect(try await service.deliverDue() == 0)
            #expect(transport.messages.count == 3)
            let rows = try await OutboxMessageModel.query(on: dependencies.database.db).all()
            #expect(rows.allSatisfy { $0.status == "sent" && $0.sentAt != nil && $0.claimToken == nil })
        }
    }

    @Test("two delivery workers on one database never send a message twice")
    func concurrentWorkers() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await enqueue(40, dependencies)
            let transport = RecordingTransport()
            let worker = MailDeliveryService(
                database: dependencies.database, transport: transport, config: dependencies.config.mail, pollInterval: .seconds(60),
                logger: TestApp.logger)
            async let a = worker.deliverDue(batchSize: 5)
            async let b = worker.deliverDue(batchSize: 5)
            async let c = worker.deliverDue(batchSize: 5)
            let total = try await a + b + c
            #expect(total == 40)
            let recipients = transport.messages.map(\.to)
            #expect(recipients.count == 40)
            #expect(Set(recipients).count == 40)
        }
    }

    @Test("a worker stopped mid-batch finishes the message it is sending and gives the others back at once, for another to send")
    func stoppedWorkerReleasesClaims() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await enqueue(5, dependencies)
            let (started, starting) = AsyncStream.makeStream(of: Void.self)
            let slow = RecordingTransport(delay: .milliseconds(300), onSend: { starting.yield() })
            let stopping = MailDeliveryService(
                database: dependencies.database, transport: slow, config: dependencies.config.mail, pollInterval: .seconds(60),
                logger: TestApp.logger)
            let now = Date()
            let round = Task { try await stopping.deliverDue(now: now, batchSize: 5) }
            // stopped while its first message is on the way, as a stopping instance's loop sees it
            var sends = started.makeAsyncIterator()
            _ = await sends.next()
            round.cancel()
            let sentBeforeStopping = try await round.value
            #expect(sentBeforeStopping == 1)
            #expect(slow.messages.count == sentBeforeStopping)
            // no claim is left standing: another instance sends the rest now, not after the claim's five minutes
            let rows = try await OutboxMessageModel.query(on: dependencies.database.db).all()
            #expect(rows.filter { $0.claimToken != nil }.isEmpty)
            let other = RecordingTransport()
            let next = MailDeliveryService(
                database: dependencies.database, transport: other, config: dependencies.config.mail, pollInterval: .seconds(60),
                logger: TestApp.logger)
            #expect(try await next.deliverDue(now: now) == 5 - sentBeforeStopping)
            #expect(Set((slow.messages + other.messages).map(\.to)).count == 5)
        }
    }

    @Test("a failed delivery is retried later with a growing pause, then given up")
    func retries() async throws {
        try await TestApp.withDependencies(try TestApp.configuration()) { dependencies in
            try await enqueue(1, dependencies)
            var mailConfig = dependencies.config.mail
            mailConfig.maxAttempts = 2
            let service = MailDeliveryService(
                database: dependencies.database, transport: RecordingTransport(failing: true), config: mailConfig,
                pollInterval: .seconds(60), logger: TestApp.logger)
            let now = Date()
            #expect(try await service.deliverDue(now: now) == 0)
            let first = try #require(try await OutboxMessageModel.query(on: dependencies.database.db).first())
            #expect(first.status == "pending")
            #expect(first.attempts == 1)
            #expect(first.nextAttemptAt > now.addingTimeInterval(29))
            #expect(first.lastError != nil)
            // not due yet: nothing is tried
            #expect(try await service.claim(now: now.addingTimeInterval(10), limit: 10).isEmpty)
            #expect(try await service.deliverDue(now: now.addingTimeInterval(31)) == 0)
            let second = try #require(try await OutboxMessageModel.query(on: dependencies.database.db).first())
            #expect(second.status == "failed")
            #expect(second.attempts == 2)
            #expect(MailDeliveryService.backoff(afterAttempt: 3) == 120)
            #expect(MailDeliveryService.backoff(afterAttempt: 30) == 6 * 3600)
        }
    }

    @Test("the file drop writes a complete RFC 5322 message")
    func fileDrop() async throws {
        let directory = NSTemporaryDirectory() + "consilium-mail-" + UUID().uuidString
        let transport = FileDropTransport(directory: directory)
        let mail = OutgoingMail(
            fromAddress: "no-reply@example.org", fromName: "Consilium Online Second Opinions", to: "margaret.ellis@example.org",
            subject: "Réinitialiser", body: "Hello,\n.leading dot\nhttps://x.example/reset-password?token=abc", messageID: "m1@consilium",
            date: Date(timeIntervalSince1970: 0))
        try await transport.send(mail)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }
        #expect(files == ["m1_consilium.eml"])
        let text = try String(contentsOfFile: directory + "/" + files[0], encoding: .utf8)
        #expect(text.contains("To: <margaret.ellis@example.org>\r\n"))
        #expect(text.contains("Subject: =?utf-8?B?"))
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
        #expect(text.contains("Message-ID: <m1@consilium>"))
        #expect(text.contains("https://x.example/reset-password?token=3Dabc"))
    }

    @Test("a long subject that is not ASCII folds into encoded words of at most 75 characters, no character cut")
    func encodedWords() throws {
        let subject = "Se usó un código de recuperación para entrar en su cuenta de Consilium Online Second Opinions ☀️"
        let header = OutgoingMail.encodeHeader(subject)
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75 && word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            let bytes = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(data: bytes, encoding: .utf8) != nil, "each word decodes on its own")
            decoded.append(bytes)
        }
        #expect(String(data: decoded, encoding: .utf8) == subject)
        #expect(OutgoingMail.encodeHeader("Plain subject") == "Plain subject")
    }

    @Test("quoted-printable keeps lines short and encodes what must be")
    func quotedPrintable() {
        let encoded = QuotedPrintable.encode(String(repeating: "a", count: 100) + "\né=")
        for line in encoded.components(separatedBy: "\r\n") { #expect(line.count <= 76) }
        #expect(encoded.hasSuffix("=C3=A9=3D"))
        #expect(QuotedPrintable.encode("trailing space ") == "trailing space=20")
    }

    @Test("SMTP dot-stuffing doubles a leading dot")
    func dotStuffing() {
        #expect(SMTPTransport.dotStuffed("a\r\n.b\r\n..c") == "a\r\n..b\r\n...c")
    }
}
