import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The consultant's report: written and signed by the assigned consultant, released by them
/// or a coordinator, read by the treating physician and (unless declined) the patient's side.
struct ReportController: Sendable {
    let database: DatabaseService
    let queries: CaseQueries
    let reports: ReportQueries
    let service: ReportService
    let hasher: PasswordHasher
    let limiter: RateLimiter
    let audit: AuditLog
    let settings: SettingsStore
    let renderer: PageRenderer

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let (caseModel, report) = try await load(request, context)
        return try await page(caseModel, report, context: context)
    }

    /// The treating physician asks a follow-up question after release.
    func ask(_ request: Request, context: SignedInContext) async throws -> Response {
        let (caseModel, report) = try await load(request, context)
        let identity = context.identity
        try await queries.require(.askFollowUp, context, caseModel, report: report, audit: audit)
        let question = context.form["question"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !question.isEmpty else {
            return try await page(
                caseModel, report, context: context, error: renderer.wording(context)("report-error-question"), field: "question",
                status: .badRequest)
        }
        do {
            try await service.askFollowUp(
                caseModel, question: String(question.prefix(4000)), by: identity, limit: settings.current.followUpLimit,
                actor: context.auditActor)
        } catch ReportService.Refusal.followUpLimit(let limit) {
            return try await page(
                caseModel, report, context: context,
                error: renderer.wording(context)("report-error-follow-up-limit", ["count": .number(limit)]),
                status: .conflict)
        }
        let notice = renderer.wording(context)("report-question-sent")
        context.session.update { $0.notice = notice }
        return .redirect(to: try reportPath(caseModel), type: .normal)
    }

    // MARK: helpers

    /// The case (scoped to the person) and its report, if the person may see it now.
    func load(_ request: Request, _ context: SignedInContext) async throws -> (CaseModel, ReportModel) {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        // The assigned consultant's first visit begins the report.
        let writer = context.relation == .assignedConsultant ? context.identity.id : nil
        let report = try await service.report(for: caseModel, creatingFor: writer)
        try await queries.require(.viewReport, context, caseModel, report: report, audit: audit)
        guard let report else { throw HTTPError(.notFound) }
        return (caseModel, report)
    }

    func reportPath(_ caseModel: CaseModel) throws -> String {
        "/cases/\(try caseModel.requireID().uuidString.lowercased())/report"
    }

    /// The report page; `error` belongs to the form field `field` (its id), whose form comes back
    /// with what was typed into it.
    func page(
        _ caseModel: CaseModel, _ report: ReportModel, context: SignedInContext, error: String? = nil, field: String? = nil,
        typed: ReportService.Draft? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let shown = try await reports.pageData(caseModel, report)
        try await audit.record(
            .reportViewed, by: context.auditActor,
            on: .init(type: "DiagnosticReport", id: try report.requireID().uuidString, patientID: caseModel.patient.patientID),
            in: database.db)
        let content = ReportPage(
            caseModel, report, shown: shown, typed: typed, error: error, errorField: field, form: context.form,
            followUpLimit: settings.current.followUpLimit, viewer: context.identity.role, wording: renderer.wording(context),
            may: { action in CaseAccess.allows(action, context, caseModel, report: report) })
        return try renderer.render(
            "reports/report",
            title: (error == nil ? "" : renderer.wording(context)("error-prefix") + " ")
                + renderer.wording(context)("report-title", ["reference": .text(content.reference)]), content: content,
            context: context, status: status)
    }
}
