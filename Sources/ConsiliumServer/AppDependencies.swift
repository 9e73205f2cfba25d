import ConsiliumCore
import Foundation
import HummingbirdAuth
import Logging

/// The long-lived parts of the service, made once from the configuration and shared by the
/// server, the commands and the tests.
public struct AppDependencies: Sendable {
    public let config: AppConfig
    public let logger: Logger
    public let database: DatabaseService
    let hasher: PasswordHasher
    let audit: AuditLog
    let outbox: Outbox
    let limiter: RateLimiter
    let sessions: FluentPersistDriver
    let transport: any MailTransport
    let passwordPolicy: PasswordPolicy
    let documents: any DocumentStore
    let site: SiteContext
    /// The catalogs, for what is written outside a page: mail.
    let messages: Messages
    /// Seals secrets kept in the database under the master key.
    let secretBox: SecretBox
    /// The settings administrators edit, shared by every controller.
    let settings: SettingsStore
    /// Names the templates asked for and no context held (tests read it; see `PageRenderer.Page`).
    let unresolvedTemplateKeys = UnresolvedTemplateKeys()
    /// The agreement and terms versions pages show (see `AgreementService.shown`).
    let shownAgreements = ShownAgreements()

    /// Opens the database and applies its migrations. Call `shutdown()` when not handing the
    /// dependencies to an application (which closes them itself).
    public static func make(config: AppConfig, logger: Logger? = nil) async throws -> AppDependencies {
        var logger = logger ?? Logger(label: "consilium")
        logger.logLevel = config.logLevel
        DisplayDate.use(config.institution.dateWording)
        let database = try DatabaseService(
            config.database, poolTimeout: config.databasePoolTimeout, sqliteReaders: config.sqliteReaders, logger: logger)
        do {
            let currentKey =
                try config.masterKey.flatMap(MasterKeySpec.parse) ?? MasterKeySpec.developmentKey(dataDirectory: config.dataDirectory)
            let previousKeys = config.previousMasterKeys.compactMap(MasterKeySpec.parse)
            let audit = AuditLog(current: currentKey, previous: previousKeys, database: database)
            try await database.prepare(auditSealKey: audit.sealKey)
            let transport: any MailTransport =
                switch config.mail.transport {
                case .fileDrop(let directory): FileDropTransport(directory: directory)
                case .smtp(let settings): SMTPTransport(settings: settings)
                }
            let dependencies = AppDependencies(
                config: config, logger: logger, database: database, hasher: try await PasswordHasher.make(cost: config.bcryptCost),
                audit: audit, outbox: Outbox(), limiter: RateLimiter(database: database),
                sessions: FluentPersistDriver(database: database), transport: transport,
                passwordPolicy: PasswordPolicy(commonPasswords: try loadCommonPasswords(config.resourcesDirectory)),
                documents: try await documentStore(config, currentKey: currentKey, previousKeys: previousKeys),
                site: SiteContext(
                    institutionName: config.institution.name, serviceName: config.institution.serviceName,
                    servicePhone: config.institution.phone, showDevelopmentMailbox: config.isDevelopment),
                messages: try Messages(directory: (config.resourcesDirectory as NSString).appendingPathComponent("Resources/Messages")),
                secretBox: SecretBox(current: currentKey, previous: previousKeys),
                settings: SettingsStore(
                    database: database, audit: audit,
                    defaults: ServiceSettings(
                        serviceArea: config.serviceArea, specialties: config.specialties, turnaroundDays: config.turnaroundDays,
                        followUpLimit: config.followUpLimit)))
            try await dependencies.settings.load()
            try await dependencies.agreements.publishInitialVersions(resourcesDirectory: config.resourcesDirectory)
            return dependencies
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// The store `config.storage` names. An object store is checked now (the bucket answers to
    /// the keys), so a wrong endpoint, bucket or key stops the start instead of the first upload.
    static func documentStore(
        _ config: AppConfig, currentKey: EncryptedFileFormat.MasterKey, previousKeys: [EncryptedFileFormat.MasterKey]
    ) async throws -> any DocumentStore {
        switch config.storage {
        case .localFolder:
            return try LocalDocumentStore(
                directory: (config.dataDirectory as NSString).appendingPathComponent("documents"), currentKey: currentKey,
                previousKeys: previousKeys)
        case .s3(let settings):
            let client = S3Client(settings)
            do {
                try await client.bucketIsReachable()
            } catch {
                throw ConfigError(problems: [
                    "CONSILIUM_STORAGE_URL: the bucket \(settings.location.bucket) at \(settings.endpoint.absoluteString) did not answer to "
                        + "the configured keys (\(error)); create it, or fix CONSILIUM_S3_ENDPOINT, CONSILIUM_S3_REGION and the keys"
                ])
            }
            return S3DocumentStore(client: client, location: settings.location, currentKey: currentKey, previousKeys: previousKeys)
        }
    }

    /// The shipped list of common passwords (see the README for its source).
    static func loadCommonPasswords(_ resourcesDirectory: String) throws -> Set<String> {
        let path = (resourcesDirectory as NSString).appendingPathComponent("Resources/common-passwords.txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).map(String.init))
    }

    var agreements: AgreementService {
        AgreementService(
            database: database,
            particulars: .init(
                institution: config.institution.name, serviceName: config.institution.serviceName, phone: config.institution.phone,
                governingLaw: config.institution.governingLaw, venue: config.institution.venue),
            translatedParticulars: [
                .spanish: .init(
                    institution: config.institution.name, serviceName: config.institution.serviceName, phone: config.institution.phone,
                    governingLaw: config.institution.governingLawSpanish ?? config.institution.governingLaw,
                    venue: config.institution.venueSpanish ?? config.institution.venue)
            ],
            shownCache: shownAgreements)
    }

    public func shutdown() async {
        await database.shutdown()
    }

    var accountService: AccountService { AccountService(database: database, hasher: hasher, audit: audit) }

    var mailDelivery: MailDeliveryService {
        MailDeliveryService(
            database: database, transport: transport, config: config.mail, pollInterval: config.mailPollInterval, logger: logger)
    }

    var twoFactor: TwoFactorService {
        TwoFactorService(
            database: database, box: secretBox, audit: audit, outbox: outbox, mail: accountMail, issuer: config.institution.serviceName)
    }

    var accountMail: AccountMail { AccountMail(baseURL: config.baseURL, site: site, messages: messages) }

    var caseMail: CaseMail { CaseMail(baseURL: config.baseURL, site: site, messages: messages) }

    var reportService: ReportService {
        ReportService(database: database, workflow: CaseWorkflow(audit: audit), outbox: outbox, mail: caseMail, audit: audit)
    }

    var triageService: TriageService {
        TriageService(database: database, workflow: CaseWorkflow(audit: audit), outbox: outbox, mail: caseMail, audit: audit)
    }

    var caseService: CaseService {
        CaseService(database: database, workflow: CaseWorkflow(audit: audit), outbox: outbox, mail: caseMail, audit: audit)
    }

    /// Session and CSRF cookie names: `__Host-` prefixed over https, which pins them to this host and path.
    var sessionCookieParameters: SessionCookieParameters {
        SessionCookieParameters(
            name: config.usesHTTPS ? "__Host-consilium_session" : "consilium_session", path: "/", secure: config.usesHTTPS,
            sameSite: .lax)
    }

    var csrfCookieName: String { config.usesHTTPS ? "__Host-consilium_csrf" : "consilium_csrf" }
}
