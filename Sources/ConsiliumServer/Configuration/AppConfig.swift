import ConsiliumCore
import Foundation
import Logging

/// Everything the service reads from its environment, loaded once at start and checked whole:
/// a bad configuration names every missing or malformed variable instead of the first.
public struct AppConfig: Sendable {
    /// Where the process runs; production refuses development conveniences.
    public enum Environment: String, Sendable {
        case development, test, production
    }

    /// Which database the service stores its data in.
    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(path: String)
        /// Each application gets its own private database; tests only.
        case sqliteMemory
        /// `schema`, when given, is created if missing and used for every table (tests use one each).
        /// `connectionsPerLoop` bounds the pool: that many connections per event loop (one loop per core).
        case postgres(url: String, schema: String? = nil, connectionsPerLoop: Int = 8)
    }

    /// Where records' encrypted bytes are kept.
    public enum StorageChoice: Sendable, Equatable {
        /// `documents/` in the data folder (the embedded default).
        case localFolder
        case s3(S3Settings)
    }

    /// An S3-compatible store, addressed path-style: `ENDPOINT/BUCKET/PREFIX…`.
    public struct S3Settings: Sendable, Equatable {
        public var location: S3Location
        public var endpoint: URL
        public var region: String
        public var accessKey: String
        public var secretKey: String

        public init(location: S3Location, endpoint: URL, region: String, accessKey: String, secretKey: String) {
            self.location = location
            self.endpoint = endpoint
            self.region = region
            self.accessKey = accessKey
            self.secretKey = secretKey
        }
    }

    public var environment: Environment
    public var hostname: String
    public var port: Int
    /// The address people use to reach the service; every link in mail is built from it.
    public var baseURL: URL
    public var dataDirectory: String
    public var database: DatabaseChoice
    /// Where records' encrypted bytes live: the data folder, or an S3-compatible object store.
    public var storage: StorageChoice = .localFolder
    /// How long a request waits for a database connection before it is answered 503.
    public var databasePoolTimeout: Duration = .seconds(30)
    /// How many read-only connections SQLite gets beside its one writer (nil: two per core, at least four).
    public var sqliteReaders: Int?
    public var resourcesDirectory: String
    public var logLevel: Logger.Level

    public var institution: Institution
    public var serviceArea: ServiceArea
    /// Records: the master key that seals new files ("id:base64", 32 bytes), older keys still
    /// able to read, and the size limits. Without a key, development keeps one in the data folder.
    public var masterKey: String?
    public var previousMasterKeys: [String]
    public var maxFileBytes: Int64
    public var maxCaseBytes: Int64
    /// The most pixels a PNG or JPEG record may declare: decoding one costs memory in proportion.
    public var maxImagePixels = 100_000_000
    /// Days from complete records to a released report that the service promises.
    public var turnaroundDays: Int
    /// How many follow-up questions a treating physician may ask after a report's release.
    public var followUpLimit: Int
    /// The specialties a case can ask for, in the order they are offered.
    public var specialties: [String]
    public var mail: MailConfig

    public var bcryptCost: Int
    public var sessionLifetime: SessionLifetime
    public var trustForwardedFor: Bool
    /// Addresses of the proxies whose `X-Forwarded-For` is believed (the connection must come from one).
    public var trustedProxies: Set<String> = []
    /// The least time the last registration step takes, whichever way it went (see `ResponseTimeFloor`).
    public var registrationMinimumTime: Duration = .zero
    /// Where `/metrics` is served (Prometheus text); nil: not at all.
    public var metricsPort: Int?
    public var metricsHostname = "127.0.0.1"
    /// How long a stopping instance lets requests in flight finish (SIGTERM) before cutting them off.
    public var shutdownGracePeriod: Duration = .seconds(30)
    /// How often the outbox is polled for due messages.
    public var mailPollInterval: Duration

    /// The public identity of the institution running the service, shown on pages and in the agreement.
    public struct Institution: Sendable {
        public var name: String
        public var serviceName: String
        public var phone: String
        public var governingLaw: String
        public var venue: String
        /// The governing law and venue as the Spanish agreement names them; unset, the English names.
        public var governingLawSpanish: String?
        public var venueSpanish: String?
        /// Where the institution is: every time shown is in this zone, with its abbreviation.
        public var dateWording: DateWording
    }

    /// The zone times are shown in when `CONSILIUM_TIME_ZONE` is not set.
    public static let defaultTimeZone = "America/New_York"

    /// Whether cookies and links use TLS, which decides `Secure`, `__Host-` and HSTS.
    public var usesHTTPS: Bool { baseURL.scheme == "https" }

    /// The origin browsers send in `Origin` for forms posted from our own pages.
    public var origin: String {
        var origin = "\(baseURL.scheme ?? "http")://\(baseURL.host ?? "localhost")"
        if let port = baseURL.port { origin += ":\(port)" }
        return origin
    }

    public var isDevelopment: Bool { environment == .development }

    /// Whether `baseURL` was derived from the listening address rather than set explicitly.
    var baseURLIsDerived: Bool
    /// Whether `CONSILIUM_ENV` was set, rather than development taken by default.
    var environmentIsExplicit = true

    /// Listens elsewhere (the `serve` command's options); a derived base URL follows.
    public mutating func listen(hostname: String?, port: Int?) {
        if let hostname { self.hostname = hostname }
        if let port { self.port = port }
        if baseURLIsDerived, let url = URL(string: "http://\(self.hostname):\(self.port)") { baseURL = url }
    }

    /// What makes this configuration unsafe to serve: development (the default, with its
    /// mailbox page open to anyone) listening beyond loopback without `CONSILIUM_ENV` set on
    /// purpose; production behind a plain `http://` base URL, which silently drops `Secure`,
    /// `__Host-` cookies and HSTS (loopback excepted, for a proxy on the same machine).
    public var servingProblems: [String] {
        var problems: [String] = []
        if environment == .development, !environmentIsExplicit, !Loopback.contains(hostname) {
            problems.append(
                "CONSILIUM_HOSTNAME: development mode is the default and must not listen on \(hostname), only on loopback "
                    + "(127.0.0.1); set CONSILIUM_ENV explicitly (production) to serve on a network")
        }
        if environment == .production, baseURL.scheme != "https", !Loopback.contains(baseURL.host ?? "") {
            problems.append(
                "CONSILIUM_BASE_URL: production needs an https:// address (http:// drops Secure cookies and HSTS), not \(baseURL.absoluteString)"
            )
        }
        return problems
    }

    /// Throws every serving problem at once (see `servingProblems`).
    public func checkServing() throws {
        let problems = servingProblems
        if !problems.isEmpty { throw ConfigError(problems: problems) }
    }
}

/// The variables that were missing or malformed, each with what was wrong.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String {
        "Consilium cannot start; fix these environment variables:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
