import Hummingbird

/// Every route and who may reach it, in one table.
struct Routes {
    let home: HomeController
    let registration: RegistrationController
    let information: InformationController
    let acceptance: AgreementAcceptanceController
    let physicianRegistration: PhysicianRegistrationController
    let verificationQueue: VerificationQueueController
    let cases: CaseController
    let reports: ReportController
    let triage: TriageController
    let join: JoinController
    let records: RecordsController
    let addPatient: AddPatientController
    let health: HealthController
    let language: LanguageController
    let signIn: SignInController
    let twoFactor: TwoFactorController
    let settings: SettingsController
    let agreementAdmin: AgreementAdminController
    let people: PeopleController
    let invitation: InvitationController
    let auditLog: AuditLogController
    let accessLog: AccessLogController
    let contact: ContactController
    let passwordReset: PasswordResetController
    let verification: EmailVerificationController
    let account: AccountController
    /// Present in development only.
    let developmentMailbox: DevelopmentMailboxController?

    /// `root` has only the outer middleware; `app` adds the session and the CSRF check.
    func add(to root: Router<AppRequestContext>, app router: RouterGroup<AppRequestContext>) {
        // anyone; before any session work
        root.get("/healthz", use: health.live)

        // anyone (no database unless a session cookie is sent)
        router.get("/", use: home.home)
        router.get("/language/:tag", use: language.choose)
        router.get("/readyz", use: health.ready)
        router.get("/signin", use: signIn.show)
        router.post("/signin", use: signIn.signIn)
        router.get("/signin/code", use: signIn.showCode)
        router.post("/signin/code", use: signIn.enterCode)
        router.get("/forgot-password", use: passwordReset.showRequest)
        router.post("/forgot-password", use: passwordReset.request)
        router.get("/reset-password", use: passwordReset.showReset)
        router.post("/reset-password", use: passwordReset.reset)
        router.get("/terms", use: information.terms)
        router.get("/terms/:version", use: information.termsVersion)
        router.get("/agreement/:version", use: information.agreementVersion)
        router.get("/questions", use: information.questions)
        router.get("/privacy", use: information.privacy)
        router.get("/register", use: registration.showPersonal)
        router.post("/register", use: registration.postPersonal)
        router.get("/register/agreement", use: registration.showAgreement)
        router.post("/register/agreement", use: registration.postAgreement)
        router.get("/register/account", use: registration.showAccount)
        router.post("/register/account", use: registration.postAccount)
        router.get("/register/contact", use: registration.showContact)
        router.post("/register/contact", use: registration.postContact)
        router.get("/physicians/register", use: physicianRegistration.show)
        router.post("/physicians/register", use: physicianRegistration.register)
        router.get("/cases/join/invite", use: join.invitation)
        router.get("/verify-email", use: verification.show)
        router.post("/verify-email", use: verification.confirm)
        router.get("/invitation", use: invitation.show)
        router.post("/invitation", use: invitation.accept)

        // signed in, any role
        let signedIn = router.group(context: SignedInContext.self)
        signedIn.post("/signout", use: signIn.signOut)
        signedIn.get("/account", use: account.dashboard)
        signedIn.get("/account/password", use: account.showPassword)
        signedIn.post("/account/password", use: account.changePassword)
        signedIn.get("/account/contact", use: contact.show)
        signedIn.post("/account/contact", use: contact.save)
        signedIn.post("/account/verify-email", use: verification.resend)
        signedIn.get("/account/two-factor", use: twoFactor.show)
        signedIn.post("/account/two-factor", use: twoFactor.confirm)
        signedIn.get("/account/two-factor/qr.svg", use: twoFactor.qrCode)
        signedIn.post("/account/two-factor/recovery-codes", use: twoFactor.regenerate)
        signedIn.post("/account/two-factor/disable", use: twoFactor.turnOff)
        signedIn.get("/agreement/accept", use: acceptance.show)
        signedIn.post("/agreement/accept", use: acceptance.accept)

        // signed in; each case is loaded through CaseQueries, scoped to the person (404 otherwise)
        signedIn.get("/cases/new", use: cases.showNew)
        signedIn.post("/cases/new", use: cases.open)
        signedIn.get("/cases/join", use: join.showEntry)
        signedIn.post("/cases/join", use: join.enter)
        signedIn.get("/cases/join/confirm", use: join.showConfirm)
        signedIn.post("/cases/join/confirm", use: join.confirm)
        signedIn.get("/cases/:id", use: cases.show)
        signedIn.get("/cases/:id/letter", use: cases.letter)
        signedIn.get("/cases/:id/access", use: accessLog.show)
        signedIn.post("/cases/:id/physician", use: cases.renamePhysician)
        signedIn.post("/cases/:id/reply", use: cases.reply)
        signedIn.get("/cases/:id/records", use: records.list)
        signedIn.post("/cases/:id/records", use: records.upload)
        signedIn.get("/cases/:id/records/:record/download", use: records.download)
        signedIn.get("/cases/:id/records/:record/view", use: records.view)
        signedIn.post("/cases/:id/records/:record/remove", use: records.remove)

        // signed in; the report as AccessPolicy allows for the person's relation to the case
        signedIn.get("/cases/:id/report", use: reports.show)
        signedIn.post("/cases/:id/report", use: reports.save)
        signedIn.post("/cases/:id/report/release", use: reports.release)
        signedIn.post("/cases/:id/report/addendum", use: reports.addendum)
        signedIn.post("/cases/:id/report/translation", use: reports.translation)
        signedIn.post("/cases/:id/report/questions", use: reports.ask)

        // staff: coordinators and administrators (StaffContext; anyone else gets an audited 404)
        let staff = router.group("/staff", context: StaffContext.self)
        staff.get("/cases", use: triage.showQueue)
        staff.post("/cases/:id/action", use: triage.act)
        staff.get("/physicians", use: verificationQueue.queue)
        staff.post("/physicians/:id/decision", use: verificationQueue.decide)

        // administrators (AdministratorContext; anyone else gets an audited 404)
        let admin = router.group("/admin", context: AdministratorContext.self)
        admin.get("", use: settings.index)
        admin.get("/settings", use: settings.show)
        admin.post("/settings", use: settings.save)
        admin.get("/agreement", use: agreementAdmin.show)
        admin.post("/agreement", use: agreementAdmin.submit)
        admin.post("/agreement/edit", use: agreementAdmin.edit)
        admin.get("/agreement/translation", use: agreementAdmin.showTranslation)
        admin.post("/agreement/translation", use: agreementAdmin.submitTranslation)
        admin.get("/users", use: people.list)
        admin.get("/users/invite", use: people.showInvite)
        admin.post("/users/invite", use: people.invite)
        admin.get("/users/:id", use: people.show)
        admin.post("/users/:id/:action", use: people.act)
        admin.get("/audit", use: auditLog.show)
        admin.get("/audit.csv", use: auditLog.export)

        // signed in, family members (the controller refuses other roles with 404)
        signedIn.get("/patients/new", use: addPatient.showPersonal)
        signedIn.post("/patients/new", use: addPatient.postPersonal)
        signedIn.get("/patients/new/agreement", use: addPatient.showAgreement)
        signedIn.post("/patients/new/agreement", use: addPatient.postAgreement)

        // development only
        if let developmentMailbox {
            router.get("/dev/mail", use: developmentMailbox.list)
            router.get("/dev/mail/:id", use: developmentMailbox.show)
        }
    }
}
