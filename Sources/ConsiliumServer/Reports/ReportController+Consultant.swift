import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The consultant's and the coordinator's side of the report: saving and signing, releasing,
/// addenda and translated summaries. Staff work in English, so these words are English by
/// design (the patient's and the physician's side are in `ReportController`).
extension ReportController {
    func save(_ request: Request, context: SignedInContext) async throws -> Response {
        let (caseModel, report) = try await load(request, context)
        try await queries.require(
            .writeReport, context, caseModel, report: report, audit: audit,
            conflict: "refused-report-signed")
        let form = context.form
        let draft = ReportService.Draft(
            recordsReviewed: form.all("reviewed").filter { UUID(uuidString: $0) != nil }, historySummary: form["historySummary"],
            opinion: form["opinion"], recommendations: form["recommendations"], answers: form["answers"],
            patientSummary: form["patientSummary"], patientSummaryLanguage: form["patientSummaryLanguage"])
        do {
            _ = try await service.save(
                report, draft: draft, version: Int(form["version"]) ?? -1, patientID: PatientID(rawValue: caseModel.$patient.id),
                actor: context.auditActor)
        } catch ReportService.Refusal.staleVersion {
            return try await page(
                caseModel, report, context: context,
                error:
                    "This report was saved from another window since you opened it. Your text is below; copy what you need, then reload to see the newer version.",
                typed: draft, status: .conflict)
        } catch ReportService.Refusal.notDraft {
            throw Refusal(.conflict, "refused-report-signed")
        }
        if form["action"] == "sign" {
            return try await sign(request, context: context, caseModel: caseModel)
        }
        context.session.update { $0.notice = "Your draft is saved." }
        return .redirect(to: try reportPath(caseModel), type: .normal)
    }

    func sign(_ request: Request, context: SignedInContext, caseModel: CaseModel) async throws -> Response {
        guard let report = try await service.report(for: caseModel) else { throw HTTPError(.notFound) }
        let identity = context.identity
        if let problem = try await signatureProblem(context) {
            return try await page(caseModel, report, context: context, error: problem, field: "password", status: .badRequest)
        }
        let mover = CaseWorkflow.Mover(
            identity: identity, actor: .consultant,
            audit: context.auditActor)
        do {
            try await service.sign(report, caseModel: caseModel, version: report.version, signer: identity, mover: mover)
        } catch ReportService.Refusal.incomplete(let missing) {
            return try await page(
                caseModel, report, context: context, error: "Before signing, add " + Plural.list(missing) + ".",
                status: .badRequest)
        }
        context.session.update { $0.notice = "The report is signed. It can no longer be changed." }
        return .redirect(to: try reportPath(caseModel), type: .normal)
    }

    func release(_ request: Request, context: SignedInContext) async throws -> Response {
        let (caseModel, report) = try await load(request, context)
        try await queries.require(
            .releaseReport, context, caseModel, report: report, audit: audit,
            conflict: "refused-release")
        guard ConfirmationPage.isConfirmed(context.form) else {
            let reference = caseModel.caseReference?.display ?? caseModel.reference
            let page = ConfirmationPage(
                heading: "Release the report on request \(reference)?",
                consequences: [
                    "The treating physician is told at once and can read the report; unless the patient declined it, they receive a courtesy copy.",
                    "A released report cannot be withdrawn or changed: corrections are signed addenda.",
                ], details: [("Patient", caseModel.patient.fullName)], action: try reportPath(caseModel) + "/release", fields: [],
                confirmLabel: "Yes, release the report", cancelURL: try reportPath(caseModel), isWarning: true)
            return try renderer.confirm(page, context: context)
        }
        let mover = CaseWorkflow.Mover(identity: context.identity, actor: context.relation.caseActor, audit: context.auditActor)
        do {
            try await service.release(report, caseModel: caseModel, mover: mover)
        } catch ReportService.Refusal.notDraft, is RefusedCaseMove {
            throw Refusal(.conflict, "refused-release")
        }
        context.session.update { $0.notice = "The report is released. The treating physician has been told." }
        return .redirect(to: try reportPath(caseModel), type: .normal)
    }

    /// The consultant signs an addendum: a correction, or the answer to a follow-up question.
    func addendum(_ request: Request, context: SignedInContext) async throws -> Response {
        let (caseModel, report) = try await load(request, context)
        try await queries.require(
            .signAddendum, context, caseModel, report: report, audit: audit, conflict: "refused-addendum")
        let identity = context.identity
        let form = context.form
        let body = form["body"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else {
            return try await page(
                caseModel, report, context: context, error: "Write the addendum before signing it.", field: "addendum-body",
                status: .badRequest)
        }
        if let problem = try await signatureProblem(context) {
            return try await page(caseModel, report, context: context, error: problem, field: "addendum-password", status: .badRequest)
        }
        var question: FollowUpQuestionModel?
        if let questionID = UUID(uuidString: form["question"]) {
            question = try await reports.question(questionID, of: caseModel)
            guard question != nil else { throw HTTPError(.notFound) }
        }
        do {
            try await service.addAddendum(
                report, body: String(body.prefix(8000)), question: question, signer: identity, caseModel: caseModel,
                actor: context.auditActor)
        } catch ReportService.Refusal.alreadyAnswered {
            throw Refusal(.conflict, "refused-answered")
        } catch ReportService.Refusal.notDraft {
            throw Refusal(.conflict, "refused-addendum")
        }
        context.session.update { $0.notice = "Your addendum is signed and shown beneath the report." }
        return .redirect(to: try reportPath(caseModel), type: .normal)
    }

    /// A coordinator attaches a translation of the patient's summary by a named translator.
    func translation(_ request: Request, context: SignedInContext) async throws -> Response {
        let (caseModel, report) = try await load(request, context)
        try await queries.require(.coordinate, context, caseModel, report: report, audit: audit)
        guard !report.isDraft, !report.patientSummary.isEmpty else {
            throw Refusal(.conflict, "refused-translation-summary")
        }
        let form = context.form
        let body = form["translation"].trimmingCharacters(in: .whitespacesAndNewlines)
        let translator = form["translator"].trimmingCharacters(in: .whitespacesAndNewlines)
        let language = Language(tag: form["translationLanguage"])
        let problem: (String, String)? =
            if language == nil || language?.tag == report.patientSummaryLanguage {
                ("translationLanguage", "Choose the language of the translation, other than the summary's own.")
            } else if body.isEmpty {
                ("translation", "Paste the translated summary before signing it.")
            } else if translator.isEmpty {
                ("translator", "Name the translator, with their role (for example: Ana Ruiz, certified medical interpreter).")
            } else {
                nil
            }
        if let (field, message) = problem {
            return try await page(caseModel, report, context: context, error: message, field: field, status: .badRequest)
        }
        if let problem = try await signatureProblem(context) {
            return try await page(caseModel, report, context: context, error: problem, field: "translation-password", status: .badRequest)
        }
        guard let language else { throw HTTPError(.badRequest) }
        do {
            try await service.attachSummaryTranslation(
                report, body: String(body.prefix(8000)), language: language, translator: String(translator.prefix(200)),
                signer: context.identity, caseModel: caseModel, actor: context.auditActor)
        } catch ReportService.Refusal.notDraft {
            throw Refusal(.conflict, "refused-translation")
        }
        context.session.update { $0.notice = "The translated summary is signed and shown to the patient beside the original." }
        return .redirect(to: try reportPath(caseModel), type: .normal)
    }

    /// Why the password typed to sign was not accepted, or nil when it is the signed-in person's
    /// own. Tries count against the same limit as signing in, so a signature form cannot be used
    /// to guess a password faster than the sign-in page; failures and throttling are audited.
    func signatureProblem(_ context: SignedInContext) async throws -> String? {
        let password = context.form["password"]
        guard !password.isEmpty else { return "Enter your password to sign: the one you sign in with." }
        let identity = context.identity
        do {
            try await limiter.hit(RateLimiter.Rules.signInPerAccount, subject: identity.email)
        } catch let error as RateLimited {
            try await audit.record(
                .signInThrottled, by: context.auditActor, on: .user(identity.id), outcome: .denied, detail: "signature:" + error.rule,
                in: database.db)
            throw error
        }
        guard let user = try await UserModel.find(identity.id.rawValue, on: database.db),
            try await hasher.verify(password, against: user.passwordHash)
        else {
            try await audit.record(
                .signInFailed, by: context.auditActor, on: .user(identity.id), outcome: .failure, detail: "signature_wrong_password",
                in: database.db)
            return "That is not your password. Enter the password you sign in with."
        }
        return nil
    }
}
