import ConsiliumCore
import FluentKit
import Foundation

/// Fills an empty database with believable accounts of every role, so a newcomer can click
/// through the whole service. Refused in production and on a database that has accounts.
public struct DemoData: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    /// One demo account as printed for the newcomer.
    public struct Account: Sendable {
        public let role: Role
        public let name: String
        public let email: String
    }

    /// The one password of every demo account.
    public static let password = "Demo-visit-2026!"

    static let people: [(Role, String, String)] = [
        (.administrator, "Grace Okafor", "grace.okafor@example.org"),
        (.coordinator, "Miguel Santos", "miguel.santos@example.org"),
        (.consultant, "Dr. Helen Park", "helen.park@example.org"),
        (.treatingPhysician, "Dr. Samuel Reyes", "samuel.reyes@example.org"),
        (.patient, "Margaret Ellis", "margaret.ellis@example.org"),
        (.familyMember, "Daniel Ellis", "daniel.ellis@example.org"),
    ]

    public func populate() async throws -> [Account] {
        guard dependencies.config.environment != .production else {
            throw UserCommands.Refusal(description: "Demo data is never loaded in production.")
        }
        guard try await UserModel.query(on: dependencies.database.db).count() == 0 else {
            throw UserCommands.Refusal(description: "The database already has accounts; demo data goes only into an empty one.")
        }
        var accounts: [Account] = []
        for (role, name, email) in Self.people {
            _ = try await dependencies.accountService.createUser(
                email: try EmailAddress(email), displayName: name, role: role, password: Self.password, verified: true, actor: .system)
            accounts.append(Account(role: role, name: name, email: email))
        }
        return accounts
    }
}
