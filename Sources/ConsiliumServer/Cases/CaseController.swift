import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird
import SQLKit

/// The patient's side of a case: opening it, reading it and its timeline, the letter for the
/// physician, and naming another physician after a decline. Every case is loaded through
/// `CaseQueries`, so a case the person may not see answers 404.
struct CaseController: Sendable {
    let database: DatabaseService
    let queries: CaseQueries
    let directory: PatientDirectory
    let service: CaseService
    let audit: AuditLog
    let triage: TriageService
    let settings: SettingsStore
    let baseURL: URL
    let renderer: PageRenderer

    func showNew(_ request: Request, context: SignedInContext) async throws -> Response {
        let patients = try await patientChoices(context)
        return try newPage(FormData(), errors: [:], patients: patients, context: context)
    }

    func open(_ request: Request, context: SignedInContext) async throws -> Response {
        let patients = try await patientChoices(context)
        let form = context.form
        var input = CaseRequestRules.Input()
        input.specialty = form["specialty"]
        input.question = form["question"]
        input.diagnosis = form["diagnosis"]
        input.treatments = form["treatments"]
        input.physicianName = form["physicianName"]
        input.physicianEmail = form["physicianEmail"]
        input.physicianNPI = form["physicianNPI"]
        let wording = renderer.wording(context)
        let (checked, typedErrors) = CaseRequestRules.check(input, specialties: settings.current.specialties)
        var errors = wording(typedErrors)
        // The patient must be one the account acts for; the id is checked against that list, not trusted.
        let patientID = patients.count == 1 ? patients[0].0 : form["patientID"]
        if !patients.contains(where: { $0.0 == patientID }) { errors["patientID"] = wording("request-error-patient") }
        guard let checked, errors.isEmpty, let patientUUID = UUID(uuidString: patientID) else {
            return try newPage(form, errors: errors, patients: patients, context: context, status: .badRequest)
        }
        let caseModel = try await service.open(
            .init(
                patientID: PatientID(rawValue: patientUUID), specialty: checked.specialty, question: checked.question,
                diagnosis: checked.diagnosis,
                treatments: checked.treatments, physicianName: checked.physicianName, physicianEmail: checked.physicianEmail,
                physicianNPI: checked.physicianNPI), by: mover(request, context))
        context.session.update {
            $0.notice = wording("request-opened", ["reference": .text(caseModel.caseReference?.display ?? caseModel.reference)])
        }
        return .redirect(to: "/cases/\(try caseModel.requireID().uuidString.lowercased())", type: .normal)
    }

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        return try await casePage(caseModel, context: context, request: request)
    }

    func letter(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        try await queries.require(.viewLetter, context, caseModel, audit: audit)
        try await audit.record(.letterViewed, by: context.auditActor, on: try .case(caseModel), in: database.db)
        let base = baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        // The letter is for the physician, who may read another language than the patient: it is
        // written in the page's language unless another is asked for (`?letter=en`).
        let letterLanguage = request.uri.queryParameters["letter"].flatMap { Language(rawValue: String($0)) } ?? context.language
        let reference = caseModel.caseReference?.display ?? caseModel.reference
        let body = LetterBody(
            language: letterLanguage.tag, serviceName: renderer.site.serviceName, institutionName: renderer.site.institutionName,
            servicePhone: renderer.site.servicePhone, date: DisplayDate.long(Date(), in: letterLanguage), reference: reference,
            patientName: caseModel.patient.fullName, physicianName: caseModel.physicianName, registerURL: base + "/physicians/register",
            joinURL: base + "/cases/join")
        let content = LetterPage(
            caseID: try caseModel.requireID().uuidString.lowercased(), reference: reference, physicianName: caseModel.physicianName,
            letterLanguageName: context.language.locale.localizedString(forLanguageCode: letterLanguage.tag) ?? letterLanguage.nativeName,
            otherLanguages: Language.allCases.filter { $0 != letterLanguage }.map { .init(tag: $0.tag, name: $0.nativeName) },
            letter: try renderer.fragment("cases/letter-body", content: body, in: letterLanguage))
        return try renderer.render("cases/letter", title: renderer.wording(context)("letter-title"), content: content, context: context)
    }

    /// After the named physician declined, the patient side names another, who is invited.
    func renamePhysician(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        try await queries.require(
            .renamePhysician, context, caseModel, audit: audit, conflict: "refused-not-waiting-for-physician")
        let form = context.form
        var input = CaseRequestRules.Input()
        input.specialty = caseModel.specialty
        input.question = caseModel.question
        input.physicianName = form["physicianName"]
        input.physicianEmail = form["physicianEmail"]
        input.physicianNPI = form["physicianNPI"]
        let (checked, typedErrors) = CaseRequestRules.check(input, specialties: [caseModel.specialty])
        let errors = renderer.wording(context)(typedErrors)
        guard let checked else {
            return try await casePage(caseModel, context: context, request: request, form: form, errors: errors, status: .badRequest)
        }
        try await service.renamePhysician(
            caseModel, name: checked.physicianName, email: checked.physicianEmail, npi: checked.physicianNPI, by: mover(request, context))
        let invited = renderer.text("request-physician-invited", ["name": .text(checked.physicianName)], in: context.language)
        context.session.update { $0.notice = invited }
        return .redirect(to: "/cases/\(try caseModel.requireID().uuidString.lowercased())", type: .normal)
    }

    /// The answer to a coordinator's request for more information, from the patient's side or the physician.
    func reply(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        try await queries.require(
            .answerRequest, context, caseModel, audit: audit, conflict: "refused-not-waiting-for-answer")
        let answer = String(context.form["answer"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
        guard !answer.isEmpty else {
            return try await casePage(
                caseModel, context: context, request: request, form: context.form,
                errors: ["answer": renderer.text("request-error-answer", in: context.language)], status: .badRequest)
        }
        try await triage.answerRequest(caseModel, answer: answer, by: mover(request, context))
        let sent = renderer.text("request-answer-sent", in: context.language)
        context.session.update { $0.notice = sent }
        return .redirect(to: "/cases/\(try caseModel.requireID().uuidString.lowercased())", type: .normal)
    }

    // MARK: helpers

    /// The case page; `form` and `errors` are a form of the page coming back to be corrected.
    func casePage<Area>(
        _ caseModel: CaseModel, context: SignedInAreaContext<Area>, request: Request, form: FormData = FormData(),
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let caseID = try caseModel.requireID()
        let events = try await database.rows(CaseEventModel.self, ofCase: caseID, orderedBy: "occurred_at")
        let identity = context.identity
        try await audit.record(
            .caseViewed,
            by: context.auditActor,
            on: try .case(caseModel), in: database.db)
        let messages = try await database.rows(CaseMessageModel.self, ofCase: caseID, orderedBy: "created_at")
        let report = try await database.rows(ReportModel.self, ofCase: caseID).first
        let records = try await database.withParents(
            database.rows(RecordModel.self, ofCase: caseID, " AND status = \(bind: RecordStatus.current.rawValue)"), \.$uploadedBy)
        let staff =
            CaseAccess.allows(.coordinate, context, caseModel)
            ? try await staffPanel(caseModel, report: report, form: form, errors: errors) : .none
        return try renderer.render(
            "cases/show",
            title: (errors.isEmpty ? "" : renderer.text("error-prefix", in: context.language) + " ")
                + renderer.text("case-title", ["reference": .text(caseModel.caseReference?.display ?? "")], in: context.language),
            content: CasePage(
                caseModel, events: events, viewer: identity, renameForm: form, errors: errors, messages: messages, staff: staff,
                turnaroundDays: settings.current.turnaroundDays, report: report, records: records, wording: renderer.wording(context)),
            context: context, status: status)
    }

    private func patientChoices(_ context: SignedInContext) async throws -> [(String, String)] {
        let identity = context.identity
        guard context.may(.openCase) else { throw HTTPError(.notFound) }
        guard identity.emailVerified else { throw EmailNotVerified() }
        return try await directory.patients(of: identity.id.rawValue).compactMap { entry in
            entry.patient.id.map { ($0.uuidString, entry.patient.fullName) }
        }
    }

    private func newPage(
        _ form: FormData, errors: [String: String], patients: [(String, String)], context: SignedInContext,
        status: HTTPResponse.Status = .ok
    )
        throws -> Response
    {
        let wording = renderer.wording(context)
        return try renderer.render(
            "cases/new", title: wording("dashboard-ask"),
            content: NewCasePage(
                form: form, errors: errors, patients: patients, specialties: settings.current.specialties, wording: wording),
            context: context, status: status
        )
    }

    private func mover(_ request: Request, _ context: SignedInContext) -> CaseWorkflow.Mover {
        .init(identity: context.identity, actor: context.relation.caseActor, audit: context.auditActor)
    }
}

/// Opening a case needs a confirmed email address: the service's mail must reach the person.
struct EmailNotVerified: Error {}
