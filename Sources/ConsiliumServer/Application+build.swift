import ConsiliumCore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle

/// Builds the whole application: middleware, routes and background services. Tests call it
/// with test settings; `consilium serve` calls it with the environment's.
public func buildApplication(_ dependencies: AppDependencies) async throws -> some ApplicationProtocol {
    let config = dependencies.config
    let database = dependencies.database
    let renderer = try await PageRenderer(
        templatesDirectory: (config.resourcesDirectory as NSString).appendingPathComponent("Resources/Templates"), site: dependencies.site,
        unresolved: dependencies.unresolvedTemplateKeys, checksSkeletons: config.environment == .test)
    let policy = dependencies.passwordPolicy

    _ = ServiceMetrics.registry  // before the first metric is made, or it would report nowhere
    let router = Router(context: AppRequestContext.self)
    // Counted by route template (`/cases/{id}`), only where someone collects the figures.
    if config.metricsPort != nil { router.add(middleware: MetricsMiddleware()) }
    router.add(middleware: SecurityHeadersMiddleware(useHSTS: config.usesHTTPS))
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, showDetails: config.isDevelopment))
    router.add(
        middleware: StaticFilesMiddleware(
            publicDirectory: (config.resourcesDirectory as NSString).appendingPathComponent("Public"), logger: dependencies.logger))
    // Everything but the liveness probe runs with the client's address, the session and the CSRF check.
    let app = router.group()
        .add(middleware: ClientAddressMiddleware(trustForwardedFor: config.trustForwardedFor, trustedProxies: config.trustedProxies))
        .add(
            middleware: SessionMiddleware(
                storage: SessionStorage<SessionState>(
                    dependencies.sessions,
                    configuration: .init(
                        sessionCookieParameters: dependencies.sessionCookieParameters, keyPrefix: SessionMiddleware.keyPrefix)),
                driver: dependencies.sessions, lifetime: config.sessionLifetime, database: database,
                cookieParameters: dependencies.sessionCookieParameters)
        )
        .add(
            middleware: CSRFMiddleware(origin: config.origin, cookieName: dependencies.csrfCookieName, secureCookie: config.usesHTTPS)
        )
        .add(middleware: AgreementGateMiddleware())
        .add(middleware: TwoFactorGateMiddleware())
        .add(middleware: PostRedirectGetMiddleware(origin: config.origin))
        // Errors from handlers become pages here, inside the session middleware, so that the page
        // shows the signed-in layout and session changes still reach the response; the outer one
        // catches what the session and CSRF middleware themselves throw, and unknown paths.
        .add(middleware: ErrorPageMiddleware(renderer: renderer, showDetails: config.isDevelopment))
        .add(middleware: AreaRefusalMiddleware(audit: dependencies.audit, database: database))

    let mail = dependencies.accountMail
    let tokens = EmailTokens()
    let registrationService = RegistrationService(
        database: database, audit: dependencies.audit, outbox: dependencies.outbox, tokens: tokens, mail: mail)
    let directory = PatientDirectory(database: database)
    let registration = RegistrationController(
        agreements: dependencies.agreements,
        registration: registrationService,
        hasher: dependencies.hasher, policy: policy, settings: dependencies.settings, limiter: dependencies.limiter,
        finishTiming: ResponseTimeFloor(minimum: config.registrationMinimumTime), renderer: renderer)
    let cases = CaseController(
        database: database, queries: CaseQueries(database: database), directory: directory, service: dependencies.caseService,
        audit: dependencies.audit, triage: dependencies.triageService, settings: dependencies.settings, baseURL: config.baseURL,
        renderer: renderer)
    Routes(
        home: HomeController(renderer: renderer, settings: dependencies.settings),
        registration: registration,
        information: InformationController(agreements: dependencies.agreements, renderer: renderer),
        acceptance: AgreementAcceptanceController(
            database: database, agreements: dependencies.agreements, directory: directory, audit: dependencies.audit, renderer: renderer),
        physicianRegistration: PhysicianRegistrationController(
            database: database, hasher: dependencies.hasher, policy: policy, limiter: dependencies.limiter, audit: dependencies.audit,
            outbox: dependencies.outbox, tokens: tokens, mail: mail, renderer: renderer),
        verificationQueue: VerificationQueueController(
            database: database, audit: dependencies.audit, outbox: dependencies.outbox, mail: dependencies.caseMail, renderer: renderer),
        cases: cases,
        reports: ReportController(
            database: database, queries: CaseQueries(database: database), reports: ReportQueries(database: database),
            service: dependencies.reportService, hasher: dependencies.hasher,
            limiter: dependencies.limiter,
            audit: dependencies.audit, settings: dependencies.settings, renderer: renderer),
        triage: TriageController(
            database: database, queue: CaseQueue(database: database), queries: CaseQueries(database: database),
            service: dependencies.triageService, audit: dependencies.audit, settings: dependencies.settings, renderer: renderer,
            cases: cases),
        join: JoinController(
            database: database, service: dependencies.caseService, limiter: dependencies.limiter, audit: dependencies.audit,
            renderer: renderer),
        records: RecordsController(
            database: database, queries: CaseQueries(database: database), store: dependencies.documents,
            service: RecordService(database: database, store: dependencies.documents, audit: dependencies.audit), audit: dependencies.audit,
            maxFileBytes: config.maxFileBytes, maxCaseBytes: config.maxCaseBytes,
            maxImagePixels: config.maxImagePixels, renderer: renderer),
        addPatient: AddPatientController(
            database: database, agreements: dependencies.agreements, registration: registrationService, settings: dependencies.settings,
            renderer: renderer),
        health: HealthController(database: database),
        language: LanguageController(database: database, secureCookie: config.usesHTTPS),
        signIn: SignInController(
            database: database, hasher: dependencies.hasher, limiter: dependencies.limiter, audit: dependencies.audit,
            agreementCheck: AgreementCheck(agreements: dependencies.agreements, directory: directory), twoFactor: dependencies.twoFactor,
            renderer: renderer, secureCookies: config.usesHTTPS),
        twoFactor: TwoFactorController(
            database: database, service: dependencies.twoFactor, box: dependencies.secretBox, hasher: dependencies.hasher,
            limiter: dependencies.limiter, sessions: dependencies.sessions, renderer: renderer),
        settings: SettingsController(settings: dependencies.settings, renderer: renderer),
        agreementAdmin: AgreementAdminController(
            database: database, agreements: dependencies.agreements, audit: dependencies.audit, renderer: renderer),
        people: PeopleController(
            database: database,
            staff: StaffService(
                database: database, hasher: dependencies.hasher, audit: dependencies.audit, outbox: dependencies.outbox, tokens: tokens,
                mail: mail, sessions: dependencies.sessions, twoFactor: dependencies.twoFactor),
            settings: dependencies.settings, renderer: renderer),
        invitation: InvitationController(
            database: database, hasher: dependencies.hasher, audit: dependencies.audit, tokens: tokens, policy: policy, renderer: renderer),
        auditLog: AuditLogController(search: AuditSearch(database: database), audit: dependencies.audit, renderer: renderer),
        accessLog: AccessLogController(
            database: database, queries: CaseQueries(database: database), audit: dependencies.audit, renderer: renderer),
        contact: ContactController(database: database, audit: dependencies.audit, renderer: renderer),
        passwordReset: PasswordResetController(
            database: database, hasher: dependencies.hasher, limiter: dependencies.limiter, audit: dependencies.audit,
            outbox: dependencies.outbox, tokens: tokens, mail: mail, sessions: dependencies.sessions, policy: policy, renderer: renderer),
        verification: EmailVerificationController(
            database: database, audit: dependencies.audit, tokens: tokens, outbox: dependencies.outbox, mail: mail,
            agreementCheck: AgreementCheck(agreements: dependencies.agreements, directory: directory), renderer: renderer),
        account: AccountController(
            database: database, directory: directory, cases: CaseQueries(database: database), caseService: dependencies.caseService,
            hasher: dependencies.hasher,
            limiter: dependencies.limiter, audit: dependencies.audit,
            outbox: dependencies.outbox, mail: mail, sessions: dependencies.sessions, policy: policy, renderer: renderer),
        developmentMailbox: config.isDevelopment
            ? DevelopmentMailboxController(database: database, baseURL: config.baseURL.absoluteString, renderer: renderer) : nil
    ).add(to: router, app: app)

    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [QuiescingHandler()], idleTimeout: .seconds(75))),
        configuration: .init(address: .hostname(config.hostname, port: config.port), serverName: nil),
        services: [
            database,
            dependencies.mailDelivery,
            SettingsRefresher(settings: dependencies.settings, logger: dependencies.logger),
            Housekeeping(
                database: database, sessions: dependencies.sessions, limiter: dependencies.limiter, documents: dependencies.documents,
                logger: dependencies.logger),
        ]
            + (config.metricsPort.map { port -> [any Service] in
                [ServiceMetrics.application(hostname: config.metricsHostname, port: port, database: database, logger: dependencies.logger)]
            } ?? []),
        logger: dependencies.logger
    )
}

/// Serves until SIGTERM or SIGINT, then shuts down gracefully: the listening socket closes (a
/// proxy sends new requests to the other instances), requests in flight finish (a download to
/// its last byte: documents are read only as fast as the client takes them, so the response is
/// never "written" into a buffer the shutdown would drop), background services stop at a safe
/// point (mail releases the messages it claimed), and the database closes; exit status 0. Past
/// `shutdownGracePeriod` whatever is left is cancelled.
public func serve(_ dependencies: AppDependencies) async throws {
    let app = try await buildApplication(dependencies)
    var configuration = ServiceGroupConfiguration(
        services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: dependencies.logger)
    configuration.maximumGracefulShutdownDuration = dependencies.config.shutdownGracePeriod
    configuration.maximumCancellationDuration = .seconds(5)
    try await ServiceGroup(configuration: configuration).run()
}
