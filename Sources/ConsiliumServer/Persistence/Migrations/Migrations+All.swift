import ConsiliumCore
import FluentKit

extension Migrations {
    /// Every migration, in the order it must run. Append only: never reorder or edit a shipped one.
    func addConsiliumMigrations(auditSealKey: AuditSealKey) {
        add([
            CreateUsers(),
            CreateSessions(),
            CreateEmailTokens(),
            CreateOutboxMessages(),
            CreateAuditEvents(),
            CreateRateLimitCounters(),
            CreateRegistrationTables(),
            CreateCaseTables(),
            CreateRecords(),
            CreateTriageTables(),
            CreateReports(),
            CreateFollowUps(),
            ChainAuditEvents(),
            CreateTwoFactor(),
            CreateAdministration(),
            EndCaseInvitations(),
            AddSessionsValidFrom(),
            SealAuditEvents(key: auditSealKey),
            IndexAuditSearch(),
            AddUserLanguage(),
            AddPatientLanguage(),
            CreateAgreementTranslations(),
            AddPatientSummary(),
        ])
    }
}
