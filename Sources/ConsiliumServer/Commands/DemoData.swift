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
        var users: [Role: UserModel] = [:]
        for (role, name, email) in Self.people {
            users[role] = try await dependencies.accountService.createUser(
                email: try EmailAddress(email), displayName: name, role: role, password: Self.password, verified: true, actor: .system)
            accounts.append(Account(role: role, name: name, email: email))
        }
        try await registerPatients(patient: users[.patient], familyMember: users[.familyMember])
        return accounts
    }

    /// Margaret Ellis registered herself; her son Daniel acts for his daughter Lily, who is 11.
    private func registerPatients(patient: UserModel?, familyMember: UserModel?) async throws {
        guard let patient, let familyMember else { return }
        let active = try await dependencies.agreements.active()
        let today = CalendarDate.today()
        let registrations: [(UserModel, PersonalDetails)] = [
            (
                patient,
                PersonalDetails(
                    registrant: .myself, patientFirstName: "Margaret", patientLastName: "Ellis",
                    dateOfBirth: try CalendarDate(year: 1951, month: 6, day: 14), sex: .female, proxy: nil, country: "US", state: "MA")
            ),
            (
                familyMember,
                PersonalDetails(
                    registrant: .familyMember, patientFirstName: "Lily", patientLastName: "Ellis",
                    dateOfBirth: try CalendarDate(year: today.year - 11, month: 9, day: 2), sex: .female,
                    proxy: .init(firstName: "Daniel", lastName: "Ellis", relationship: .parent, authority: .parentOfMinor), country: "US",
                    state: "NH")
            ),
        ]
        let service = RegistrationService(
            database: dependencies.database, audit: dependencies.audit, outbox: dependencies.outbox, tokens: EmailTokens(),
            mail: dependencies.accountMail)
        for (user, details) in registrations {
            let acceptance = RegistrationDraft.Acceptance(
                agreementVersionID: try active.agreement.requireID(), termsVersionID: try active.terms.requireID(),
                textSHA256: active.agreementDocument.sha256, typedName: user.displayName, courtesyCopy: true, signedAt: Date(),
                clientAddress: "demo", userAgent: "consilium demo")
            try await dependencies.database.db.transaction { tx in
                _ = try await service.addPatient(details, acceptance: acceptance, for: try user.requireID(), actor: .system, in: tx)
            }
        }
    }
}
