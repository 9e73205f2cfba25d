import ConsiliumCore
import FluentKit
import Foundation
import NIOCore

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

    /// The authenticator key of the demo's staff, who must use two-step sign-in: published, so
    /// a developer can add it to an app (as base32, printed by `consilium demo`).
    public static let twoFactorSecret = "DemoAuthKey-2026-xyz"

    public static var twoFactorKey: String { Base32.grouped(Base32.encode(Array(twoFactorSecret.utf8))) }

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
            if role.requiresTwoFactor, let user = users[role] {
                _ = try await dependencies.twoFactor.enable(user, secret: Self.twoFactorSecret, step: 0, actor: .system)
            }
        }
        let patients = try await registerPatients(patient: users[.patient], familyMember: users[.familyMember])
        let pending = try await dependencies.accountService.createUser(
            email: try EmailAddress("ivan.petrov@example.org"), displayName: "Ivan Petrov", role: .treatingPhysician,
            password: Self.password,
            verified: true, actor: .system)
        accounts.append(Account(role: .treatingPhysician, name: "Ivan Petrov (waiting for verification)", email: "ivan.petrov@example.org"))
        if let consultant = users[.consultant] {
            try await UserCommands.consultantProfile(for: consultant, specialty: "Cardiology", on: dependencies.database.db)
        }
        if let physician = users[.treatingPhysician], let coordinator = users[.coordinator] {
            try await physicianProfile(for: physician, npi: "1234567893", verifiedBy: coordinator)
            try await physicianProfile(for: pending, npi: "1558598797", verifiedBy: nil)
            try await openCases(patients: patients, physician: physician)
            if let consultant = users[.consultant] {
                accounts.append(Account(role: .patient, name: "Walter Price (cases further along)", email: "walter.price@example.org"))
                try await casesFurtherAlong(physician: physician, coordinator: coordinator, consultant: consultant)
            }
        }
        return accounts
    }

    /// Walter Price's cardiology cases: in review, with the consultant, and with a released report.
    private func casesFurtherAlong(physician: UserModel, coordinator: UserModel, consultant: UserModel) async throws {
        let walter = try await dependencies.accountService.createUser(
            email: try EmailAddress("walter.price@example.org"), displayName: "Walter Price", role: .patient, password: Self.password,
            verified: true, actor: .system)
        let active = try await dependencies.agreements.active()
        let details = PersonalDetails(
            registrant: .myself, patientFirstName: "Walter", patientLastName: "Price",
            dateOfBirth: try CalendarDate(year: 1948, month: 3, day: 2),
            sex: .male, proxy: nil, country: "US", state: "MA", preferredLanguage: "es", interpreterNeeded: true)
        let acceptance = try WizardSteps.acceptance(
            typedName: "Walter Price", courtesyCopy: true, active: active, clientAddress: "demo", userAgent: "consilium demo")
        let service = RegistrationService(
            database: dependencies.database, audit: dependencies.audit, outbox: dependencies.outbox, tokens: EmailTokens(),
            mail: dependencies.accountMail)
        let patient = try await dependencies.database.db.transaction { tx in
            try await service.addPatient(details, acceptance: acceptance, for: try walter.requireID(), actor: .system, in: tx)
        }
        guard let walterID = SignedInUser(walter), let doctor = SignedInUser(physician), let staff = SignedInUser(coordinator),
            let specialist = SignedInUser(consultant)
        else { return }
        let cases = dependencies.caseService
        let triage = dependencies.triageService
        let reports = dependencies.reportService
        func opened(_ question: String) async throws -> CaseModel {
            let caseModel = try await cases.open(
                .init(
                    patientID: PatientID(rawValue: try patient.requireID()), specialty: "Cardiology", question: question,
                    diagnosis: "Atrial fibrillation",
                    treatments: "Apixaban 5 mg twice daily", physicianName: "Dr. Samuel Reyes",
                    physicianEmail: try EmailAddress(physician.email),
                    physicianNPI: nil), by: .init(identity: walterID, actor: .patientSide, audit: .system))
            try await cases.confirm(
                caseModel,
                with: .init(
                    clinicalHistory: "78-year-old man with persistent atrial fibrillation.", clinicalQuestion: question,
                    materials: "ECGs, Holter report"), by: .init(identity: doctor, actor: .treatingPhysician, audit: .system))
            try await triage.recordsComplete(caseModel, by: .init(identity: staff, actor: .coordinator, audit: .system))
            return caseModel
        }
        _ = try await opened("Is catheter ablation worth considering at my age?")
        let assigned = try await opened("Should my anticoagulant dose change now that my kidney function has fallen?")
        try await triage.assign(
            assigned, to: UserID(rawValue: try consultant.requireID()), by: .init(identity: staff, actor: .coordinator, audit: .system))
        let released = try await opened("Do I need a pacemaker after my fainting episode?")
        try await triage.assign(
            released, to: UserID(rawValue: try consultant.requireID()), by: .init(identity: staff, actor: .coordinator, audit: .system))
        let holter = try await demoRecord(
            "holter-report.pdf", description: "48-hour Holter monitor report", on: released, uploadedBy: try physician.requireID())
        if let report = try await reports.report(for: released, creatingFor: UserID(rawValue: try consultant.requireID())) {
            let version = try await reports.save(
                report,
                draft: .init(
                    recordsReviewed: [holter.uuidString.lowercased()],
                    historySummary: "Syncope with a 4-second pause on Holter monitoring.",
                    opinion: "The pause explains the fainting; a pacemaker is indicated.",
                    recommendations: "Dual-chamber pacemaker implantation.",
                    answers: "Yes: a pacemaker is recommended.",
                    patientSummary:
                        "Your heart sometimes stops beating for a few seconds. That is why you fainted. "
                        + "A pacemaker is a small device put under the skin. It keeps your heart beating at a steady pace. "
                        + "Ask your doctor how the device is put in and how long you will need to rest."), version: report.version,
                patientID: PatientID(rawValue: released.$patient.id), actor: .system)
            guard let saved = try await reports.report(for: released) else { return }
            try await reports.sign(
                saved, caseModel: released, version: version, signer: specialist,
                mover: .init(identity: specialist, actor: .consultant, audit: .system))
            if let signed = try await reports.report(for: released) {
                try await reports.release(signed, caseModel: released, mover: .init(identity: staff, actor: .coordinator, audit: .system))
                // Walter reads Spanish best: the coordinator attaches the summary's translation, signed
                guard let releasedReport = try await reports.report(for: released) else { return }
                try await reports.attachSummaryTranslation(
                    releasedReport,
                    body: "Su corazón a veces deja de latir unos segundos. Por eso se desmayó. "
                        + "Un marcapasos es un aparato pequeño que se pone debajo de la piel. Hace que su corazón lata a un ritmo constante. "
                        + "Pregunte a su médico cómo se coloca el aparato y cuánto tiempo tendrá que descansar.",
                    language: .spanish, translator: "Ana Ruiz, intérprete médica certificada", signer: staff, caseModel: released,
                    actor: .system)
            }
        }
    }

    /// A small real PDF, stored encrypted like any upload, so the demo report can name it.
    private func demoRecord(_ fileName: String, description: String, on caseModel: CaseModel, uploadedBy: UUID) async throws -> UUID {
        let stream = "BT /F1 14 Tf 72 720 Td (\(description)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let recordID = RecordID(rawValue: UUID())
        let caseID = CaseID(rawValue: try caseModel.requireID())
        let writer = try await dependencies.documents.makeWriter(binding: RecordModel.binding(recordID: recordID, caseID: caseID))
        try await writer.write(ByteBuffer(string: pdf))
        let record = RecordModel(
            id: recordID, caseID: caseID, uploadedBy: UserID(rawValue: uploadedBy), fileName: fileName, kind: .pdf, category: "other",
            description: description, stored: try await writer.finish())
        try await record.create(on: dependencies.database.db)
        return recordID.rawValue
    }

    private func physicianProfile(for user: UserModel, npi: String, verifiedBy: UserModel?) async throws {
        let profile = PhysicianProfileModel()
        profile.$user.id = try user.requireID()
        profile.npi = npi
        profile.licenceState = "MA"
        profile.licenceNumber = npi == "1234567893" ? "MD-22871" : "MD-40112"
        profile.specialty = "Internal medicine"
        profile.practiceName = npi == "1234567893" ? "Beacon Hill Primary Care" : "Harbor Family Practice"
        profile.addressLine1 = npi == "1234567893" ? "1 Charles Street" : "300 Atlantic Avenue"
        profile.addressLine2 = ""
        profile.city = "Boston"
        profile.state = "MA"
        profile.postalCode = "02114"
        profile.phone = "+16175550100"
        profile.verification = (verifiedBy == nil ? PhysicianProfileModel.Verification.pending : .verified).rawValue
        profile.$verifiedBy.id = try verifiedBy?.requireID()
        profile.verifiedAt = verifiedBy == nil ? nil : Date()
        profile.verificationNote = verifiedBy == nil ? "" : "NPI and Massachusetts license checked (demo)"
        try await profile.create(on: dependencies.database.db)
    }

    /// Cases in each state of the handshake: confirmed, waiting for the physician, declined by one.
    private func openCases(patients: [(UserModel, PatientModel)], physician: UserModel) async throws {
        guard patients.count == 2, let physicianIdentity = SignedInUser(physician) else { return }
        let service = dependencies.caseService
        let (margaret, margaretPatient) = patients[0]
        let (daniel, lily) = patients[1]
        func mover(_ user: UserModel, _ actor: CaseActor) throws -> CaseWorkflow.Mover {
            guard let identity = SignedInUser(user) else { throw UserCommands.Refusal(description: "demo account disabled") }
            return .init(identity: identity, actor: actor, audit: .system)
        }
        let confirmed = try await service.open(
            .init(
                patientID: PatientID(rawValue: try margaretPatient.requireID()), specialty: "Cardiology",
                question:
                    "My cardiologist recommends replacing my aortic valve. Is open surgery or a catheter procedure better for me at 75?",
                diagnosis: "Severe aortic stenosis", treatments: "Metoprolol 25 mg daily", physicianName: "Dr. Samuel Reyes",
                physicianEmail: try EmailAddress(physician.email), physicianNPI: try NPI("1234567893")),
            by: try mover(margaret, .patientSide))
        try await service.confirm(
            confirmed,
            with: .init(
                clinicalHistory: "75-year-old woman, exertional dyspnea for 6 months, NYHA II. Echo: AVA 0.8 cm², mean gradient 45 mmHg.",
                clinicalQuestion: "TAVR or surgical AVR, given mild CKD and good functional status?",
                materials: "Echocardiogram 2 Oct; CT angiogram 20 Oct; cardiology clinic letters"),
            by: .init(identity: physicianIdentity, actor: .treatingPhysician, audit: .system))
        _ = try await service.open(
            .init(
                patientID: PatientID(rawValue: try lily.requireID()), specialty: "Pediatrics",
                question: "Lily has had three febrile seizures this year. Should she have more tests or start a medicine?",
                diagnosis: "Febrile seizures", treatments: "", physicianName: "Dr. Samuel Reyes",
                physicianEmail: try EmailAddress(physician.email), physicianNPI: nil),
            by: try mover(daniel, .patientSide))
        let declined = try await service.open(
            .init(
                patientID: PatientID(rawValue: try margaretPatient.requireID()), specialty: "Dermatology",
                question: "A mole on my back has changed. Does the biopsy report need a second look?", diagnosis: "", treatments: "",
                physicianName: "Dr. Paul Brown", physicianEmail: try EmailAddress("paul.brown@example.org"), physicianNPI: nil),
            by: try mover(margaret, .patientSide))
        try await dependencies.database.db.transaction { tx in
            try await CaseWorkflow(audit: dependencies.audit).move(
                declined, to: .physicianDeclined,
                by: .init(identity: nil, actor: .treatingPhysician, audit: .system), reason: "Not this physician's patient (demo)", in: tx)
        }
    }

    /// Margaret Ellis registered herself; her son Daniel acts for his daughter Lily, who is 11.
    @discardableResult
    private func registerPatients(patient: UserModel?, familyMember: UserModel?) async throws -> [(UserModel, PatientModel)] {
        guard let patient, let familyMember else { return [] }
        var registered: [(UserModel, PatientModel)] = []
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
        let addresses = [
            ("12 Beacon Street", "Boston", "MA", "02108", "(617) 555-0134", "morning"),
            ("4 Elm Street", "Nashua", "NH", "03060", "(603) 555-0147", "evening"),
        ]
        for ((user, details), address) in zip(registrations, addresses) {
            let (contact, _) = ContactRules.check(
                addressLine1: address.0, addressLine2: "", city: address.1, region: address.2, postalCode: address.3, country: "US",
                phone: address.4, preferredContactTime: address.5)
            if let contact {
                let model = ContactDetailsModel()
                model.$user.id = try user.requireID()
                model.apply(contact)
                try await model.create(on: dependencies.database.db)
            }
            let acceptance = RegistrationDraft.Acceptance(
                agreementVersionID: try active.agreement.requireID(), termsVersionID: try active.terms.requireID(),
                textSHA256: active.agreementDocument.sha256, typedName: user.displayName, courtesyCopy: true, signedAt: Date(),
                clientAddress: "demo", userAgent: "consilium demo")
            let patient = try await dependencies.database.db.transaction { tx in
                try await service.addPatient(details, acceptance: acceptance, for: try user.requireID(), actor: .system, in: tx)
            }
            registered.append((user, patient))
        }
        return registered
    }
}
