import ConsiliumCore
import Foundation
import Logging

extension AppConfig {
    /// Reads the configuration from `variables` (normally the process environment).
    /// Every problem is collected and thrown together.
    public static func load(from variables: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        var reader = EnvironmentReader(variables: variables)

        let environment = reader.choice("CONSILIUM_ENV", default: Environment.development)
        let production = environment == .production
        let hostname = reader.string("CONSILIUM_HOSTNAME", default: "127.0.0.1")
        let port = reader.integer("CONSILIUM_PORT", default: 8080, range: 0...65535)
        let baseURL = reader.url("CONSILIUM_BASE_URL", default: production ? nil : "http://\(hostname):\(port)")
        let dataDirectory = reader.string("CONSILIUM_DATA_DIR", default: "./data")
        let database: DatabaseChoice
        if let url = reader.optional("DATABASE_URL") {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(
                    url: url, connectionsPerLoop: reader.integer("CONSILIUM_DB_CONNECTIONS_PER_CORE", default: 8, range: 1...64))
            } else {
                reader.problem("DATABASE_URL must be a postgres:// URL (leave it unset to use SQLite in the data folder)")
                database = .sqliteMemory
            }
        } else {
            database = .sqliteFile(path: (dataDirectory as NSString).appendingPathComponent("consilium.sqlite"))
        }
        let storage = readStorage(&reader)
        let resources = reader.string("CONSILIUM_RESOURCES_DIR", default: Self.defaultResourcesDirectory())
        if !FileManager.default.fileExists(atPath: (resources as NSString).appendingPathComponent("Resources/Templates")) {
            reader.problem("CONSILIUM_RESOURCES_DIR: no Resources/Templates folder in \(resources)")
        }
        let logLevel = reader.choice("CONSILIUM_LOG_LEVEL", default: Logger.Level.info)
        _ = reader.choice("CONSILIUM_LOG_FORMAT", default: LogFormat.text)  // read by LogFormat.bootstrap; checked here
        if production, logLevel == .trace {
            reader.problem("CONSILIUM_LOG_LEVEL: trace logs SQL with its data and is refused in production")
        }

        let institution = Institution(
            name: reader.string("CONSILIUM_INSTITUTION_NAME", default: production ? nil : "Example Health Network"),
            serviceName: reader.string("CONSILIUM_SERVICE_NAME", default: "Consilium Online Second Opinions"),
            phone: reader.string("CONSILIUM_SERVICE_PHONE", default: production ? nil : "(555) 010-0199"),
            governingLaw: reader.string("CONSILIUM_GOVERNING_LAW", default: production ? nil : "the Commonwealth of Massachusetts"),
            venue: reader.string("CONSILIUM_VENUE", default: production ? nil : "Suffolk County, Massachusetts"),
            governingLawSpanish: reader.optional("CONSILIUM_GOVERNING_LAW_ES")
                ?? (production ? nil : "la Mancomunidad de Massachusetts"),
            venueSpanish: reader.optional("CONSILIUM_VENUE_ES") ?? (production ? nil : "el condado de Suffolk, Massachusetts"),
            dateWording: Self.readTimeZone(&reader)
        )

        let countries = reader.list("CONSILIUM_SERVICE_COUNTRIES", default: ["US"])
        for country in countries where country.count != 2 || !country.allSatisfy(\.isLetter) {
            reader.problem("CONSILIUM_SERVICE_COUNTRIES: \"\(country)\" is not a two-letter ISO 3166 country code")
        }
        let excludedStates = reader.list("CONSILIUM_EXCLUDED_US_STATES", default: [])
        for state in excludedStates where !USState.codes.contains(state) {
            reader.problem("CONSILIUM_EXCLUDED_US_STATES: \"\(state)\" is not a U.S. state's postal code")
        }

        let specialties = (variables["CONSILIUM_SPECIALTIES"] ?? Self.defaultSpecialties.joined(separator: ","))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if specialties.isEmpty { reader.problem("CONSILIUM_SPECIALTIES must name at least one specialty") }
        let masterKey = reader.optional("CONSILIUM_MASTER_KEY")
        if production, masterKey == nil { reader.problem("CONSILIUM_MASTER_KEY is required: id:base64 of 32 random bytes") }
        let previousKeys = (reader.optional("CONSILIUM_PREVIOUS_MASTER_KEYS") ?? "").split(separator: ",").map(String.init)
        for spec in [masterKey].compactMap({ $0 }) + previousKeys where MasterKeySpec.parse(spec) == nil {
            reader.problem(
                "master keys must be written id:base64 with 32 bytes of key (the id in letters, digits, - _ .), like 2026-11:\(String(repeating: "A", count: 43))="
            )
        }
        let maxFileBytes = Int64(reader.integer("CONSILIUM_MAX_FILE_MB", default: 2048, range: 1...1_048_576)) << 20
        let maxCaseBytes = Int64(reader.integer("CONSILIUM_MAX_CASE_MB", default: 10240, range: 1...10_485_760)) << 20
        let turnaroundDays = reader.integer("CONSILIUM_TURNAROUND_DAYS", default: 7, range: 1...90)
        let followUpLimit = reader.integer("CONSILIUM_FOLLOW_UP_LIMIT", default: 3, range: 0...20)
        let mail = readMail(&reader, dataDirectory: dataDirectory, serviceName: institution.serviceName)
        let minimumCost = environment == .test ? 4 : 12
        let bcryptCost = reader.integer("CONSILIUM_BCRYPT_COST", default: 12, range: minimumCost...16)
        let idle = reader.integer("CONSILIUM_SESSION_IDLE_MINUTES", default: 30, range: 1...240)
        let absolute = reader.integer("CONSILIUM_SESSION_ABSOLUTE_HOURS", default: 12, range: 1...24)
        let trustForwardedFor = reader.bool("CONSILIUM_TRUST_FORWARDED_FOR", default: false)
        let trustedProxies = (reader.optional("CONSILIUM_TRUSTED_PROXIES") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for proxy in trustedProxies where !IPAddressText.isValid(proxy) {
            reader.problem("CONSILIUM_TRUSTED_PROXIES: \"\(proxy)\" is not an IP address (name each proxy by its address, like 127.0.0.1)")
        }
        let maxImageMegapixels = reader.integer("CONSILIUM_MAX_IMAGE_MEGAPIXELS", default: 100, range: 1...2000)
        let registrationMinimum = reader.integer("CONSILIUM_REGISTRATION_MIN_MS", default: 0, range: 0...2000)
        let metricsPort = reader.optional("CONSILIUM_METRICS_PORT").map { _ in
            reader.integer("CONSILIUM_METRICS_PORT", default: 9464, range: 0...65535)
        }
        let metricsHostname = reader.string("CONSILIUM_METRICS_HOSTNAME", default: "127.0.0.1")
        let graceSeconds = reader.integer("CONSILIUM_SHUTDOWN_GRACE_SECONDS", default: 30, range: 1...3600)
        let pollSeconds = reader.integer("CONSILIUM_MAIL_POLL_SECONDS", default: 5, range: 1...3600)
        let sqliteReaders = reader.optional("CONSILIUM_SQLITE_READERS").map { _ in
            reader.integer("CONSILIUM_SQLITE_READERS", default: 4, range: 1...64)
        }

        if let problems = reader.problemsIfAny { throw ConfigError(problems: problems) }
        var config = AppConfig(
            environment: environment,
            hostname: hostname,
            port: port,
            baseURL: baseURL ?? URL(string: "http://127.0.0.1")!,
            dataDirectory: dataDirectory,
            database: database,
            resourcesDirectory: resources,
            logLevel: logLevel,
            institution: institution,
            serviceArea: ServiceArea(countries: Set(countries), excludedUSStates: Set(excludedStates)),
            masterKey: masterKey,
            previousMasterKeys: previousKeys,
            maxFileBytes: maxFileBytes,
            maxCaseBytes: maxCaseBytes,
            turnaroundDays: turnaroundDays,
            followUpLimit: followUpLimit,
            specialties: specialties,
            mail: mail,
            bcryptCost: bcryptCost,
            sessionLifetime: SessionLifetime(idleTimeout: TimeInterval(idle * 60), absoluteTimeout: TimeInterval(absolute * 3600)),
            trustForwardedFor: trustForwardedFor,
            mailPollInterval: .seconds(pollSeconds),
            baseURLIsDerived: reader.optional("CONSILIUM_BASE_URL") == nil
        )
        config.environmentIsExplicit = variables["CONSILIUM_ENV"] != nil
        config.registrationMinimumTime = .milliseconds(registrationMinimum)
        config.maxImagePixels = maxImageMegapixels * 1_000_000
        config.sqliteReaders = sqliteReaders
        config.storage = storage
        config.shutdownGracePeriod = .seconds(graceSeconds)
        config.metricsPort = metricsPort
        config.metricsHostname = metricsHostname
        config.trustedProxies = Set(trustedProxies)
        try config.checkServing()
        return config
    }

    static let defaultSpecialties = [
        "Cardiology", "Dermatology", "Endocrinology", "Gastroenterology", "Hematology", "Nephrology", "Neurology", "Neurosurgery",
        "Oncology", "Orthopedic surgery", "Pediatrics", "Pulmonology", "Rheumatology", "Urology",
    ]

    /// `CONSILIUM_STORAGE_URL`: unset or `file:` keeps records in the data folder; `s3://BUCKET/PREFIX`
    /// puts them in an object store, which then needs its endpoint and keys.
    static func readStorage(_ reader: inout EnvironmentReader) -> StorageChoice {
        guard let url = reader.optional("CONSILIUM_STORAGE_URL"), url != "file:" else { return .localFolder }
        guard let location = S3Location(url) else {
            reader.problem(
                "CONSILIUM_STORAGE_URL must be file: or s3://BUCKET/PREFIX with a bucket name S3 accepts (3 to 63 of a-z 0-9 . -), not \(url)"
            )
            return .localFolder
        }
        let endpoint = reader.url("CONSILIUM_S3_ENDPOINT", default: nil)
        let region = reader.string("CONSILIUM_S3_REGION", default: "us-east-1")
        let accessKey = reader.string("CONSILIUM_S3_ACCESS_KEY", default: nil)
        let secretKey = reader.string("CONSILIUM_S3_SECRET_KEY", default: nil)
        guard let endpoint, !accessKey.isEmpty, !secretKey.isEmpty else { return .localFolder }
        return .s3(S3Settings(location: location, endpoint: endpoint, region: region, accessKey: accessKey, secretKey: secretKey))
    }

    private static func readMail(_ reader: inout EnvironmentReader, dataDirectory: String, serviceName: String) -> MailConfig {
        let from = reader.string("CONSILIUM_MAIL_FROM", default: "no-reply@consilium.invalid")
        if (try? EmailAddress(from)) == nil { reader.problem("CONSILIUM_MAIL_FROM: \"\(from)\" is not an email address") }
        let kind = reader.string("CONSILIUM_MAIL_TRANSPORT", default: "file")
        let transport: MailConfig.Transport
        switch kind {
        case "smtp":
            let security = reader.choice("CONSILIUM_SMTP_SECURITY", default: MailConfig.SMTPSettings.Security.starttls)
            transport = .smtp(
                .init(
                    host: reader.string("CONSILIUM_SMTP_HOST", default: nil),
                    port: reader.integer("CONSILIUM_SMTP_PORT", default: security == .tls ? 465 : 587, range: 1...65535),
                    security: security,
                    username: reader.optional("CONSILIUM_SMTP_USERNAME"),
                    password: reader.optional("CONSILIUM_SMTP_PASSWORD"),
                    caFile: reader.optional("CONSILIUM_SMTP_CA_FILE"),
                    heloName: reader.string("CONSILIUM_SMTP_HELO_NAME", default: "localhost")
                ))
        case "file":
            transport = .fileDrop(directory: (dataDirectory as NSString).appendingPathComponent("mail"))
        default:
            reader.problem("CONSILIUM_MAIL_TRANSPORT must be \"file\" or \"smtp\", not \"\(kind)\"")
            transport = .fileDrop(directory: dataDirectory)
        }
        return MailConfig(transport: transport, fromAddress: from, fromName: serviceName)
    }

    /// The folder holding `Resources/Templates/` and `Public/`: the package's own when run from
    /// a checkout (wherever the working directory is), otherwise the working directory.
    static func defaultResourcesDirectory() -> String {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("Resources/Templates").path) {
            return packageRoot.path
        }
        return FileManager.default.currentDirectoryPath
    }

    /// An IANA zone name such as America/New_York (not an abbreviation, which cannot say
    /// when daylight saving time starts).
    private static func readTimeZone(_ reader: inout EnvironmentReader) -> DateWording {
        let name = reader.string("CONSILIUM_TIME_ZONE", default: defaultTimeZone)
        if let wording = DateWording(zoneNamed: name) { return wording }
        reader.problem("CONSILIUM_TIME_ZONE: \"\(name)\" is not an IANA time zone name such as America/New_York")
        return DateWording(zone: .gmt)
    }
}
