import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The signed-in person's own account: the dashboard and changing the password.
struct AccountController: Sendable {
    let database: DatabaseService
    let directory: PatientDirectory
    let cases: CaseQueries
    let caseService: CaseService
    let hasher: PasswordHasher
    let limiter: RateLimiter
    let audit: AuditLog
    let outbox: Outbox
    let mail: AccountMail
    let sessions: FluentPersistDriver
    let policy: PasswordPolicy
    let renderer: PageRenderer

    /// The dashboard's content.
    struct DashboardContent: Sendable {
        let name: String
        let email: String
        let role: String
        let emailVerified: Bool
        let hasPatients: Bool
        let patients: [PatientRow]
        let canAddPatients: Bool
        let canOpenCases: Bool
        let hasCases: Bool
        let cases: [CaseRow]
        let isPhysician: Bool
        let physicianVerified: Bool
        let waiting: [WaitingRow]
        let hasWaiting: Bool
        let physicianStatus: String
        let isStaff: Bool
        let hasTwoFactor: Bool
        let isAdministrator: Bool
        /// Patients and family members: the postal address and telephone on file.
        let showsContact: Bool
        let contactLines: [String]
        let contactPhone: String
        let contactPhoneLink: String
        let hasContactPhone: Bool
        let contactTime: String
        let hasContactTime: Bool
    }

    /// A case in the dashboard's list.
    struct CaseRow: Sendable {
        let id: String
        let reference: String
        let patient: String
        let specialty: String
        let state: String
    }

    /// A request naming this physician, waiting for them to confirm it.
    struct WaitingRow: Sendable {
        /// The reference as stored: the form posts it to the join page.
        let referenceValue: String
        let reference: String
        let patient: String
        let specialty: String
        let asked: String
    }

    /// A patient the account acts for, with the agreement last signed for them.
    struct PatientRow: Sendable {
        let name: String
        let relationship: String
        let hasConsent: Bool
        let agreementVersion: Int
        let signedAt: String
        let signedBy: String
        let courtesyCopy: Bool
    }

    /// The change-password form's content.
    struct PasswordContent: Sendable {
        let current: FieldView
        let password: FieldView
        let confirmation: FieldView
        let summary: ErrorSummary
        let rules: [String]
    }

    func dashboard(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        // The page shows the patients one acts for, their consent records and their cases.
        try await audit.record(.accountViewed, by: context.auditActor, on: .user(identity.id), in: database.db)
        var rows: [PatientRow] = []
        for entry in try await directory.patients(of: identity.id.rawValue) {
            let version = entry.latestConsent?.agreementVersion
            // the signer as registered; the consent record keeps the name as it was typed
            let signer: String? =
                if let consent = entry.latestConsent {
                    consent.$signer.id == identity.id.rawValue
                        ? identity.displayName : try await UserModel.find(consent.$signer.id, on: database.db)?.displayName
                } else { nil }
            rows.append(
                PatientRow(
                    name: entry.patient.fullName,
                    relationship: entry.access.relationship == PatientAccessModel.selfRelationship
                        ? renderer.wording(context)("dashboard-relationship-you")
                        : (renderer.wording(context)(Relationship(rawValue: entry.access.relationship)?.label) ?? entry.access.relationship),
                    hasConsent: entry.latestConsent != nil, agreementVersion: version?.version ?? 0,
                    signedAt: entry.latestConsent.map { DisplayDate.withTime($0.signedAt, in: context.language) } ?? "",
                    signedBy: signer ?? entry.latestConsent?.typedName ?? "", courtesyCopy: entry.latestConsent?.courtesyCopy ?? false))
        }
        let caseRows = try await cases.visibleCases(to: identity).map { caseModel in
            CaseRow(
                id: caseModel.id?.uuidString.lowercased() ?? "", reference: caseModel.caseReference?.display ?? caseModel.reference,
                patient: caseModel.patient.fullName, specialty: caseModel.specialty,
                state: renderer.wording(context)(caseModel.state.label(for: identity.role)))
        }
        let profile = context.may(.joinCase) ? try await PhysicianDirectory.profile(of: identity.id, on: database.db) : nil
        let waiting =
            if let profile, profile.isVerified {
                try await caseService.casesAwaiting(physician: identity, profile: profile).map {
                    WaitingRow(
                        referenceValue: $0.reference, reference: $0.caseReference?.display ?? $0.reference, patient: $0.patient.fullName,
                        specialty: $0.specialty,
                        asked: DisplayDate.long(Date(timeIntervalSince1970: Double($0.openedAtMicros) / 1_000_000), in: context.language)
                    )
                }
            } else { [WaitingRow]() }
        let showsContact = context.may(.keepContactDetails)
        let contact =
            showsContact ? try await ContactDetailsModel.query(on: database.db).filter(\.$user.$id == identity.id.rawValue).first() : nil
        let wording = renderer.wording(context)
        let contactTime = contact?.preferredTimePhrase(wording)
        let content = DashboardContent(
            name: identity.displayName, email: identity.email,
            role: wording.role(identity.role), emailVerified: identity.emailVerified,
            hasPatients: !rows.isEmpty, patients: rows, canAddPatients: context.may(.addPatient), canOpenCases: !rows.isEmpty,
            hasCases: !caseRows.isEmpty, cases: caseRows, isPhysician: profile != nil, physicianVerified: profile?.isVerified ?? false,
            waiting: waiting, hasWaiting: !waiting.isEmpty,
            physicianStatus: profile.map {
                wording(
                    $0.isVerified ? "physician-verified" : ($0.verification == "rejected" ? "physician-not-verified" : "physician-waiting"))
            } ?? "",
            isStaff: context.may(.useStaffArea), hasTwoFactor: identity.hasTwoFactor,
            isAdministrator: context.may(.administer), showsContact: showsContact,
            contactLines: contact.map {
                [
                    $0.addressLine1, $0.addressLine2, $0.cityLine,
                    wording.country($0.country),
                ].filter { !$0.isEmpty }
            } ?? [],
            contactPhone: contact?.phoneDisplay ?? "", contactPhoneLink: contact?.phone ?? "",
            hasContactPhone: !(contact?.phone ?? "").isEmpty,
            contactTime: contactTime ?? "", hasContactTime: contactTime != nil)
        return try renderer.render("accounts/dashboard", title: wording("your-account"), content: content, context: context)
    }

    func showPassword(_ request: Request, context: SignedInContext) throws -> Response {
        try passwordPage(errors: [:], context: context)
    }

    func changePassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        let identity = context.identity
        try await limiter.hit(RateLimiter.Rules.signInPerAccount, subject: identity.email)
        guard let user = try await UserModel.find(identity.id.rawValue, on: database.db) else { throw SignInRequired() }
        var errors: [String: String] = [:]
        if try await !hasher.verify(form["current_password"], against: user.passwordHash) {
            errors["current_password"] = renderer.text("password-change-not-current", in: context.language)
        }
        let password = form["password"]
        let failures = policy.failures(for: password, personalDetails: [String(user.email.prefix { $0 != "@" }), user.displayName])
        if !failures.isEmpty { errors["password"] = renderer.wording(context)(.joined(failures.map(\.message))) }
        if form["password_confirmation"] != password {
            errors["password_confirmation"] = renderer.text("account-error-password-mismatch", in: context.language)
        }
        guard errors.isEmpty else { return try passwordPage(errors: errors, context: context, status: .badRequest) }

        let hash = try await hasher.hash(password)
        let actor = context.auditActor
        try await database.db.transaction { tx in
            user.passwordHash = hash
            user.passwordChangedAt = Date()
            try await user.update(on: tx)
            try await audit.record(.passwordChanged, by: actor, on: .user(identity.id), in: tx)
            try await outbox.enqueue(mail.passwordChanged(to: user.email, in: user.mailLanguage), in: tx)
        }
        // Every other session ends; this one continues under a new id.
        try await sessions.removeAll(ofUser: identity.id.rawValue)
        context.session.rotate(userID: identity.id.rawValue, notice: renderer.text("password-change-done", in: context.language))
        return .redirect(to: "/account", type: .normal)
    }

    private func passwordPage(errors: [String: String], context: SignedInContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let current = FieldView("current_password", error: errors["current_password"])
        let password = FieldView("password", error: errors["password"])
        let confirmation = FieldView("password_confirmation", error: errors["password_confirmation"])
        let content = PasswordContent(
            current: current, password: password, confirmation: confirmation, summary: ErrorSummary([current, password, confirmation]),
            rules: PasswordRules.sentences(renderer.wording(context)))
        return try renderer.render(
            "accounts/change-password", title: renderer.text("dashboard-change-password", in: context.language), content: content,
            context: context, status: status)
    }
}
