import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

/// Accounts with patients, physicians and cases, made directly (the flows themselves are tested through HTTP elsewhere).
enum CaseFixtures {
    /// A verified account acting for a new patient; returns the account and the patient.
    @discardableResult
    static func patientAccount(
        _ dependencies: AppDependencies, email: String, first: String, last: String, role: Role = .patient, patientFirst: String? = nil,
        language: String = "en", interpreter: Bool = false
    ) async throws -> (UserModel, PatientModel) {
        let user = try await Fixtures.user(dependencies, email: email, name: "\(first) \(last)", role: role)
        let active = try await dependencies.agreements.active()
        let proxy: PersonalDetails.Proxy? =
            role == .familyMember ? .init(firstName: first, lastName: last, relationship: .parent, authority: .parentOfMinor) : nil
        let details = PersonalDetails(
            registrant: proxy == nil ? .myself : .familyMember, patientFirstName: patientFirst ?? first, patientLastName: last,
            dateOfBirth: try CalendarDate(year: 1960, month: 1, day: 1), sex: .female, proxy: proxy, country: "US", state: "MA",
            preferredLanguage: language, interpreterNeeded: interpreter)
        let acceptance = RegistrationDraft.Acceptance(
            agreementVersionID: try active.agreement.requireID(), termsVersionID: try active.terms.requireID(),
            textSHA256: active.agreementDocument.sha256, typedName: "\(first) \(last)", courtesyCopy: true, signedAt: Date(),
            clientAddress: "test",
            userAgent: "test")
        let service = RegistrationService(
            database: dependencies.database, audit: dependencies.audit, outbox: dependencies.outbox, tokens: EmailTokens(),
            mail: dependencies.accountMail)
        let patient = try await dependencies.database.db.transaction { tx in
            try await service.addPatient(details, acceptance: acceptance, for: try user.requireID(), actor: .system, in: tx)
        }
        return (user, patient)
    }

    /// A treating physician with a profile, verified or not.
    @discardableResult
    static func physician(
        _ dependencies: AppDependencies, email: String, name: String, npi: String, verified: Bool
    ) async throws -> UserModel {
        let user = try await Fixtures.user(dependencies, email: email, name: name, role: .treatingPhysician)
        let profile = PhysicianProfileModel()
        profile.$user.id = try user.requireID()
        profile.npi = npi
        profile.licenceState = "MA"
        profile.licenceNumber = "12345"
        profile.specialty = "Internal medicine"
        profile.practiceName = "Beacon Hill Primary Care"
        profile.addressLine1 = "1 Charles Street"
        profile.addressLine2 = ""
        profile.city = "Boston"
        profile.state = "MA"
        profile.postalCode = "02114"
        profile.phone = "+16175550100"
        profile.verification = (verified ? PhysicianProfileModel.Verification.verified : .pending).rawValue
        profile.verificationNote = ""
        try await profile.create(on: dependencies.database.db)
        return user
    }

    /// A case opened by `user` for `patient`, naming the physician by `physicianEmail`.
    static func openCase(
        _ dependencies: AppDependencies, by user: UserModel, for patient: PatientModel, physicianEmail: String,
        physicianNPI: String? = nil
    ) async throws
        -> CaseModel
    {
        let identity = try #require(SignedInUser(user))
        return try await dependencies.caseService.open(
            .init(
                patientID: try #require(patient.patientID), specialty: "Cardiology", question: "Is surgery needed for my heart valve?",
                diagnosis: "Aortic stenosis", treatments: "None yet", physicianName: "Dr. Samuel Reyes",
                physicianEmail: try EmailAddress(physicianEmail), physicianNPI: try physicianNPI.map { try NPI($0) }),
            by: .init(identity: identity, actor: .patientSide, audit: .system))
    }

    /// Margaret Ellis's case, confirmed by her treating physician Samuel Reyes (both made here).
    static func confirmedCase(_ dependencies: AppDependencies) async throws -> CaseModel {
        let (user, patient) = try await patientAccount(dependencies, email: "margaret.ellis@example.org", first: "Margaret", last: "Ellis")
        let doctor = try await physician(
            dependencies, email: "samuel.reyes@example.org", name: "Samuel Reyes", npi: "1234567893", verified: true)
        let caseModel = try await openCase(dependencies, by: user, for: patient, physicianEmail: "samuel.reyes@example.org")
        caseModel.$treatingPhysician.id = try doctor.requireID()
        caseModel.state = CaseState.physicianConfirmed
        try await caseModel.update(on: dependencies.database.db)
        return caseModel
    }

    /// A consultant made as an operator makes one (`consilium create-user`), then enrolled in
    /// two-step sign-in with the fixtures' key.
    @discardableResult
    static func consultant(
        _ dependencies: AppDependencies, email: String, name: String, specialty: String = "Cardiology"
    ) async throws
        -> UserModel
    {
        try await UserCommands(dependencies).createStaffUser(
            role: .consultant, email: email, name: name, password: Fixtures.password, specialty: specialty)
        let user = try #require(try await UserModel.query(on: dependencies.database.db).filter(\.$email == email).first())
        try await Fixtures.enrolTwoFactor(dependencies, user)
        return user
    }
}
