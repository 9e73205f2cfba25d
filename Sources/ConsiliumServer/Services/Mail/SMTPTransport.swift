import ConsiliumCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers mail to an SMTP relay: EHLO, STARTTLS (or TLS from the start), AUTH PLAIN when
/// credentials are set, then MAIL FROM / RCPT TO / DATA. The mirror has no SMTP package, so
/// this is a small client on SwiftNIO and NIOSSL.
struct SMTPTransport: MailTransport {
    let settings: MailConfig.SMTPSettings
    var timeout: Duration = .seconds(60)

    func send(_ mail: OutgoingMail) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.converse(mail) }
            group.addTask {
                try await Task.sleep(for: self.timeout)
                throw SMTPError.timedOut
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func converse(_ mail: OutgoingMail) async throws {
        let tlsContext = try makeTLSContext()
        let settings = self.settings
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(15))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tlsContext, serverHostname: Self.sniName(settings.host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(lines: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(220)
            var extensions = try await session.command("EHLO \(settings.heloName)", expect: 250)
            var encrypted = settings.security == .tls
            if settings.security == .starttls {
                guard extensions.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                    throw SMTPError.startTLSUnavailable
                }
                _ = try await session.command("STARTTLS", expect: 220)
                // The TLS handler goes in front of the line decoder; it is made on the channel's own loop.
                let raw = channel.channel
                try await raw.eventLoop.submit {
                    let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: Self.sniName(settings.host))
                    try raw.pipeline.syncOperations.addHandler(handler, position: .first)
                }.get()
                encrypted = true
                extensions = try await session.command("EHLO \(settings.heloName)", expect: 250)
            }
            if let username = settings.username, let password = settings.password {
                guard encrypted || Self.isLoopback(settings.host) else { throw SMTPError.wouldSendPasswordInClear }
                let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                _ = try await session.command("AUTH PLAIN \(token)", expect: 235, redacted: true)
            }
            _ = try await session.command("MAIL FROM:<\(mail.fromAddress)>", expect: 250)
            _ = try await session.command("RCPT TO:<\(mail.to)>", expect: 250, 251)
            _ = try await session.command("DATA", expect: 354)
            try await session.write(Self.dotStuffed(mail.rendered()) + "\r\n.\r\n")
            try await session.expect(250)
            _ = try? await session.command("QUIT", expect: 221)
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.additionalTrustRoots = [.file(caFile)] }
        return try NIOSSLContext(configuration: configuration)
    }

    /// Lines that begin with a dot get a second one (RFC 5321 §4.5.2).
    static func dotStuffed(_ message: String) -> String {
        message.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

    static func isLoopback(_ host: String) -> Bool {
        Loopback.contains(host)
    }

    /// SNI carries names only, never IP addresses.
    static func sniName(_ host: String) -> String? {
        host.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) ? nil : host
    }
}

/// Why a message could not be handed to the relay.
enum SMTPError: Error, CustomStringConvertible {
    case unexpectedReply(code: Int, expected: [Int])
    case connectionClosed
    case startTLSUnavailable
    case wouldSendPasswordInClear
    case timedOut

    var description: String {
        switch self {
        case .unexpectedReply(let code, let expected): "SMTP reply \(code), expected \(expected)"
        case .connectionClosed: "SMTP connection closed early"
        case .startTLSUnavailable: "the SMTP server does not offer STARTTLS"
        case .wouldSendPasswordInClear: "refusing to send SMTP credentials over an unencrypted connection"
        case .timedOut: "SMTP conversation timed out"
        }
    }
}

/// One SMTP conversation's reading and writing of lines.
private struct SMTPSession {
    var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Sends `line` and returns the reply's text lines; `redacted` keeps secrets out of errors.
    mutating func command(_ line: String, expect codes: Int..., redacted: Bool = false) async throws -> [String] {
        try await write(line + "\r\n")
        return try await expect(codes)
    }

    @discardableResult
    mutating func expect(_ codes: Int...) async throws -> [String] {
        try await expect(codes)
    }

    /// Reads one reply, which may span several `NNN-` lines ending with an `NNN ` line.
    mutating func expect(_ codes: [Int]) async throws -> [String] {
        var texts: [String] = []
        while true {
            guard var buffer = try await lines.next() else { throw SMTPError.connectionClosed }
            let line = (buffer.readString(length: buffer.readableBytes) ?? "").trimmingCharacters(in: .newlines)
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError.connectionClosed }
            texts.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                guard codes.contains(code) else { throw SMTPError.unexpectedReply(code: code, expected: codes) }
                return texts
            }
        }
    }
}
