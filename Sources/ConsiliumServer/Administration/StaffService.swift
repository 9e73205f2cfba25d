import ConsiliumCore
import FluentKit
import Foundation

/// What administrators do to accounts: invite staff, change a staff member's role, disable and
/// re-enable an account (its sessions end at once), and clear two-step sign-in so its owner can
/// enrol again. Each change is one transaction with its audit event.
struct StaffService: Sendable {
    let database: DatabaseService
    let hasher: PasswordHasher
    let audit: AuditLog
    let outbox: Outbox
    let tokens: EmailTokens
    let mail: AccountMail
    let sessions: FluentPersistDriver
    let twoFactor: TwoFactorService

    /// Why a change was refused, in words for the administrator.
    struct Refusal: Error, Equatable {
        let field: String
        let message: String
    }

    /// The roles an administrator may give: the service's own people.
    static let assignableRoles = Role.institutionalRoles

    /// Creates the account (no usable password yet) and mails the invitation link.
    func invite(
        name: String, email: EmailAddress, role: Role, specialty: String?, by admin: SignedInUser, actor: AuditLog.Actor
    ) async throws -> UserModel {
        guard Self.assignableRoles.contains(role) else { throw Refusal(field: "role", message: "Choose one of the staff roles.") }
        // Nobody knows this password: the invitation sets the real one.
        let user = UserModel(email: email, displayName: name, role: role, passwordHash: try await hasher.hash(SecureToken.generate()))
        do {
            try await database.db.transaction { tx in
                try await user.create(on: tx)
                if role.needsSpecialty, let specialty {
                    try await UserCommands.consultantProfile(for: user, specialty: specialty, on: tx)
                }
                let token = try await tokens.issue(.staffInvitation, for: try user.requireID(), in: tx)
                try await outbox.enqueue(
                    mail.staffInvitation(to: email.value, role: role, invitedBy: admin.displayName, token: token), in: tx)
                try await audit.record(.userInvited, by: actor, on: .user(user.userID!), detail: role.rawValue, in: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal(field: "email", message: "An account with this email address already exists.")
        }
        return user
    }

    /// Sends a new invitation link to someone who has not yet accepted (the first expired or went astray).
    func reinvite(_ user: UserModel, by admin: SignedInUser, actor: AuditLog.Actor) async throws {
        guard !user.isVerified, let role = user.role, Self.assignableRoles.contains(role) else {
            throw Refusal(field: "account", message: "This person has already accepted their invitation.")
        }
        try await database.db.transaction { tx in
            try await tokens.revokeAll(.staffInvitation, for: try user.requireID(), in: tx)
            let token = try await tokens.issue(.staffInvitation, for: try user.requireID(), in: tx)
            try await outbox.enqueue(mail.staffInvitation(to: user.email, role: role, invitedBy: admin.displayName, token: token), in: tx)
            try await audit.record(.userInvited, by: actor, on: .user(user.userID!), detail: "\(role.rawValue), again", in: tx)
        }
    }

    /// Gives a staff member another staff role. A consultant's specialty comes with the role.
    func changeRole(of user: UserModel, to role: Role, specialty: String?, by admin: SignedInUser, actor: AuditLog.Actor) async throws {
        guard user.id != admin.id.rawValue else {
            throw Refusal(field: "role", message: "You cannot change your own role: ask another administrator.")
        }
        guard let current = user.role, Self.assignableRoles.contains(current), Self.assignableRoles.contains(role) else {
            throw Refusal(field: "role", message: "Only staff roles can be changed here.")
        }
        if role.needsSpecialty, specialty == nil {
            throw Refusal(field: "specialty", message: "Choose the consultant's specialty.")
        }
        let userID = try user.requireID()
        if role == current, !role.needsSpecialty {
            throw Refusal(field: "role", message: "\(user.displayName) is already \(role.article) \(role.displayName.lowercased()).")
        }
        if current.needsSpecialty, !role.needsSpecialty {
            let open = try await CaseModel.query(on: database.db).filter(\.$assignedConsultantID == userID)
                .filter(\.$state ~~ [CaseState.assigned, CaseState.reportDrafted]).count()
            if open > 0 {
                throw Refusal(field: "role", message: "This consultant has \(open) open case\(open == 1 ? "" : "s"). Reassign them first.")
            }
        }
        try await database.db.transaction { tx in
            user.roleName = role.rawValue
            try await user.update(on: tx)
            if role.needsSpecialty, let specialty {
                if let profile = try await ConsultantProfileModel.query(on: tx).filter(\.$user.$id == userID).first() {
                    profile.specialty = specialty
                    try await profile.update(on: tx)
                } else {
                    try await UserCommands.consultantProfile(for: user, specialty: specialty, on: tx)
                }
            }
            try await audit.record(
                .roleChanged, by: actor, on: .user(user.userID!), detail: "\(current.rawValue) → \(role.rawValue)", in: tx)
        }
        // A new role means new permissions: sessions begin again.
        try await sessions.removeAll(ofUser: userID)
    }

    /// Disables or re-enables an account. A disabled account's sessions end now, and the
    /// session middleware refuses it on any request that was already under way.
    func setDisabled(_ disabled: Bool, _ user: UserModel, by admin: SignedInUser, actor: AuditLog.Actor) async throws {
        guard user.id != admin.id.rawValue else { throw Refusal(field: "account", message: "You cannot disable your own account.") }
        guard (user.disabledAt != nil) != disabled else { return }
        try await database.db.transaction { tx in
            user.disabledAt = disabled ? Date() : nil
            try await user.update(on: tx)
            try await audit.record(disabled ? .userDisabled : .userEnabled, by: actor, on: .user(user.userID!), in: tx)
        }
        if disabled { try await sessions.removeAll(ofUser: try user.requireID()) }
    }

    /// Clears the authenticator key and recovery codes (a lost phone, confirmed by telephone);
    /// the owner enrols again at their next sign-in. Their sessions end.
    func resetTwoFactor(of user: UserModel, actor: AuditLog.Actor) async throws {
        guard user.hasTwoFactor else { return }
        try await database.db.transaction { tx in
            try await twoFactor.disable(user, actor: actor, action: .twoFactorReset, detail: "by_administrator", in: tx)
        }
        try await sessions.removeAll(ofUser: try user.requireID())
    }
}
