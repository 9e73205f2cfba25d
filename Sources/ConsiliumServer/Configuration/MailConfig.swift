/// How outgoing mail leaves the service.
public struct MailConfig: Sendable {
    /// The way messages are delivered.
    public enum Transport: Sendable, Equatable {
        /// Each message is written as an `.eml` file into a folder; the default for development.
        case fileDrop(directory: String)
        case smtp(SMTPSettings)
    }

    /// Where and how to reach an SMTP relay.
    public struct SMTPSettings: Sendable, Equatable {
        /// How the connection is protected.
        public enum Security: String, Sendable {
            /// Plain connection upgraded with STARTTLS; refused if the server does not offer it.
            case starttls
            /// TLS from the first byte (port 465).
            case tls
            /// No encryption; only for a relay on the same machine.
            case none
        }
        public var host: String
        public var port: Int
        public var security: Security
        public var username: String?
        public var password: String?
        /// A PEM file of extra certificate authorities to trust, for a relay with a private CA.
        public var caFile: String?
        /// The name this host gives in EHLO.
        public var heloName: String

        public init(
            host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
            caFile: String? = nil, heloName: String = "localhost"
        ) {
            self.host = host
            self.port = port
            self.security = security
            self.username = username
            self.password = password
            self.caFile = caFile
            self.heloName = heloName
        }
    }

    public var transport: Transport
    /// The From address of every message.
    public var fromAddress: String
    public var fromName: String
    /// Attempts before a message is given up as failed.
    public var maxAttempts: Int

    public init(transport: Transport, fromAddress: String, fromName: String, maxAttempts: Int = 8) {
        self.transport = transport
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.maxAttempts = maxAttempts
    }
}
