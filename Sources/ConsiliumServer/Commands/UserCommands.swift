import ConsiliumCore
import FluentKit
import Foundation

/// What the command line does with accounts; the executable only parses arguments and prints.
public struct UserCommands: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    /// Why a command could not do what was asked.
    static func consultantProfile(for user: UserModel, specialty: String, on db: any Database) async throws {
        let profile = ConsultantProfileModel()
        profile.$user.id = try user.requireID()
        profile.specialty = specialty
        try await profile.create(on: db)
    }

    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates a staff account (administrator, coordinator or consultant). The operator vouches
    /// for the address, so it counts as verified.
    public func createStaffUser(role: Role, email rawEmail: String, name: String, password: String, specialty: String? = nil) async throws {
        guard role.isInstitutional else {
            throw Refusal(description: "Only administrator, coordinator and consultant accounts are created here.")
        }
        let email: EmailAddress
        do { email = try EmailAddress(rawEmail) } catch { throw Refusal(description: "\"\(rawEmail)\" is not an email address.") }
        let failures = dependencies.passwordPolicy.failures(for: password, personalDetails: [email.localPart, name])
        guard failures.isEmpty else { throw Refusal(description: dependencies.messages.english(.joined(failures.map(\.message)))) }
        if role.needsSpecialty {
            try await dependencies.settings.load()
            let specialties = dependencies.settings.current.specialties
            guard let specialty, specialties.contains(specialty) else {
                throw Refusal(
                    description: "A consultant needs --specialty, one of: \(specialties.joined(separator: ", ")).")
            }
        }
        do {
            let user = try await dependencies.accountService.createUser(
                email: email, displayName: name, role: role, password: password, verified: true, actor: .system)
            if role.needsSpecialty, let specialty {
                try await Self.consultantProfile(for: user, specialty: specialty, on: dependencies.database.db)
            }
        } catch AccountService.CreateError.emailTaken {
            throw Refusal(description: "An account with that email address already exists.")
        }
    }

    /// Clears an account's two-step sign-in from the command line: the way back in for the
    /// last administrator who lost both phone and recovery codes. Their sessions end; they
    /// enrol again at their next sign-in. Recorded as an administrative event by the operator.
    public func resetTwoFactor(email rawEmail: String) async throws {
        guard let email = try? EmailAddress(rawEmail),
            let user = try await dependencies.accountService.user(withEmail: email)
        else { throw Refusal(description: "No account has the email address \"\(rawEmail)\".") }
        guard user.hasTwoFactor else { throw Refusal(description: "\(user.email) does not use two-step sign-in.") }
        try await dependencies.database.db.transaction { tx in
            try await dependencies.twoFactor.disable(user, actor: .system, action: .twoFactorReset, detail: "by_operator", in: tx)
        }
        try await dependencies.sessions.removeAll(ofUser: try user.requireID())
    }
}
