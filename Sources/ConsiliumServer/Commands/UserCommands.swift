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
        guard role.isStaff else { throw Refusal(description: "Only administrator, coordinator and consultant accounts are created here.") }
        let email: EmailAddress
        do { email = try EmailAddress(rawEmail) } catch { throw Refusal(description: "\"\(rawEmail)\" is not an email address.") }
        let failures = dependencies.passwordPolicy.failures(for: password, personalDetails: [email.localPart, name])
        guard failures.isEmpty else { throw Refusal(description: failures.map(\.message).joined(separator: " ")) }
        if role == .consultant {
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
            if role == .consultant, let specialty {
                try await Self.consultantProfile(for: user, specialty: specialty, on: dependencies.database.db)
            }
        } catch AccountService.CreateError.emailTaken {
            throw Refusal(description: "An account with that email address already exists.")
        }
    }
}
