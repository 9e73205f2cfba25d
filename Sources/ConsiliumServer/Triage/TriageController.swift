import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The coordinators' queue and their actions on a case. Coordinators and administrators only;
/// for anyone else these pages do not exist.
struct TriageController: Sendable {
    let database: DatabaseService
    let queue: CaseQueue
    let queries: CaseQueries
    let service: TriageService
    let audit: AuditLog
    let settings: SettingsStore
    let renderer: PageRenderer
    /// Renders the case page a coordinator's form came from, to show it again with its error.
    let cases: CaseController
    let languagesPresent = PresentLanguages()

    /// One row of the queue.
    struct Row: Sendable {
        let id: String
        let reference: String
        let patient: String
        let specialty: String
        let language: String
        let state: String
        let age: String
        let clock: String
        let overdue: Bool
    }

    /// The queue page.
    struct QueueContent: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let states: [Option]
        let specialties: [Option]
        let languages: [Option]
        let orders: [Option]
        let search: String
        let hasNext: Bool
        let nextURL: String
        let turnaroundDays: Int
    }

    func showQueue(_ request: Request, context: StaffContext) async throws -> Response {
        let parameters = request.uri.formQuery
        var filter = CaseQueue.Filter()
        filter.state = parameters["state"].flatMap { CaseState(rawValue: $0) }
        filter.specialty = parameters["specialty"]
        filter.search = parameters["q"] ?? ""
        filter.language = PatientLanguage.Filter(parameters["language"])
        filter.order = parameters["order"].flatMap { CaseQueue.Order(rawValue: $0) } ?? .newest
        filter.after = parameters["after"].flatMap { CaseQueue.cursor($0) }
        let (cases, next) = try await queue.page(filter)
        try await audit.record(
            .caseQueueViewed, by: context.auditActor,
            detail: Plural.count(cases.count, "case") + (filter.search.isEmpty ? "" : ", searched"),
            in: database.db)
        let now = Date()
        let english = Wording(messages: renderer.messages, language: .english)
        let rows = cases.map { caseModel in
            let clock = caseModel.recordsCompletedAt.map { now.timeIntervalSince($0) }
            return Row(
                id: caseModel.id?.uuidString.lowercased() ?? "", reference: caseModel.caseReference?.display ?? caseModel.reference,
                patient: caseModel.patient.fullName, specialty: caseModel.specialty, language: PatientLanguage.display(caseModel.patient),
                state: renderer.messages.english(caseModel.state.label(for: .staff)),
                age: caseModel.createdAt.map { CasePage.duration(now.timeIntervalSince($0), english) } ?? "",
                clock: clock.map { CasePage.duration($0, english) } ?? "not started",
                overdue: (clock ?? 0) > Double(settings.current.turnaroundDays) * 86400 && !caseModel.state.isFinal
                    && caseModel.state != .released)
        }
        var components = URLComponents()
        components.queryItems = [
            URLQueryItem(name: "state", value: filter.state?.rawValue ?? ""),
            URLQueryItem(name: "specialty", value: filter.specialty ?? ""),
            URLQueryItem(name: "language", value: filter.language?.raw ?? ""),
            URLQueryItem(name: "q", value: filter.search), URLQueryItem(name: "order", value: filter.order.rawValue),
            URLQueryItem(name: "after", value: next ?? ""),
        ]
        let content = QueueContent(
            rows: rows, hasRows: !rows.isEmpty,
            states: [Option(value: "", label: "Every state", selected: filter.state == nil, id: "state-all")]
                + CaseState.allCases.filter { $0 != .draft }.map {
                    Option(
                        value: $0.rawValue, label: renderer.messages.english($0.label(for: .staff)), selected: filter.state == $0,
                        id: "state-\($0.rawValue)")
                },
            specialties: [Option(value: "", label: "Every specialty", selected: (filter.specialty ?? "").isEmpty, id: "specialty-all")]
                + settings.current.specialties.map { Option(value: $0, label: $0, selected: filter.specialty == $0, id: "specialty-\($0)") },
            languages: try await languageOptions(selected: filter.language),
            orders: [
                Option(value: "newest", label: "Newest first", selected: filter.order == .newest, id: "order-newest"),
                Option(value: "overdue", label: "Longest turnaround clock first", selected: filter.order == .overdue, id: "order-overdue"),
            ],
            search: filter.search, hasNext: next != nil, nextURL: "/staff/cases" + (components.string ?? ""),
            turnaroundDays: settings.current.turnaroundDays
        )
        return try renderer.render("staff/cases", title: "Case queue", content: content, context: context)
    }

    /// The queue's language filter: every language, those who need an interpreter, then each
    /// language some patient prefers, by name.
    private func languageOptions(selected: PatientLanguage.Filter?) async throws -> [Option] {
        let present = try await languagesPresent.codes(on: database.db)
        let named = present.compactMap { code in SpokenLanguages.name(code, in: .english).map { (code, $0) } }.sorted { $0.1 < $1.1 }
        return [
            Option(value: "", label: "Every language", selected: selected == nil, id: "language-all"),
            Option(value: "interpreter", label: "Needs an interpreter", selected: selected == .interpreter, id: "language-interpreter"),
        ] + named.map { Option(value: $0.0, label: $0.1, selected: selected == .language($0.0), id: "language-\($0.0)") }
    }

    /// One of the coordinator's actions on a case, named by the form's `action`. A form left
    /// empty comes back on the case page with the error beside its field; declining and closing,
    /// which cannot be undone, first ask for confirmation.
    func act(_ request: Request, context: StaffContext) async throws -> Response {
        let identity = context.identity
        let caseModel = try await queries.requestedCase(context, audit: audit)
        try await queries.require(.coordinate, context, caseModel, audit: audit)
        let form = context.form
        let mover = CaseWorkflow.Mover(
            identity: identity, actor: .coordinator,
            audit: context.auditActor)
        let text = String(form["message"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
        let casePath = "/cases/\(try caseModel.requireID().uuidString.lowercased())"
        let reference = caseModel.caseReference?.display ?? caseModel.reference
        func again(_ anchor: String, _ message: String) async throws -> Response {
            try await cases.casePage(
                caseModel, context: context, request: request, form: form, errors: [anchor: message], status: .badRequest)
        }
        let notice: String
        do {
            switch form["action"] {
            case "complete":
                try await service.recordsComplete(caseModel, by: mover)
                notice = "The records are complete and the case is in review. The turnaround clock has started."
            case "request_info":
                guard !text.isEmpty else { return try await again("request-message", "Write what you need from them.") }
                let audience = CaseMessageModel.Audience(rawValue: form["audience"]) ?? .both
                try await service.requestInformation(caseModel, message: text, audience: audience, by: mover)
                notice = "Your request for more information has been sent."
            case "decline":
                guard !text.isEmpty else {
                    return try await again("decline-message", "Write the reason the patient and physician will read.")
                }
                guard ConfirmationPage.isConfirmed(form) else {
                    return try renderer.confirm(
                        ConfirmationPage(
                            heading: "Decline request \(reference)?",
                            consequences: [
                                "The patient and the treating physician are told at once, with your reason. The request ends here: it cannot be reopened.",
                                "Decline only a request that is not suitable for a remote opinion.",
                            ], details: [("Reason they will read", text)], action: "/staff\(casePath)/action",
                            fields: [("action", "decline"), ("message", text)], confirmLabel: "Yes, decline the request",
                            cancelURL: casePath,
                            isWarning: true), context: context)
                }
                try await service.decline(caseModel, reason: text, by: mover)
                notice = "The case has been declined; the patient and physician have been told."
            case "assign":
                guard let consultant = UUID(uuidString: form["consultant"]).map(UserID.init(rawValue:)) else {
                    return try await again("consultant", "Choose a consultant.")
                }
                try await service.assign(caseModel, to: consultant, by: mover)
                notice = "The consultant has been assigned and told."
            case "close":
                guard ConfirmationPage.isConfirmed(form) else {
                    return try renderer.confirm(
                        ConfirmationPage(
                            heading: "Close request \(reference)?",
                            consequences: [
                                "Closing ends the request: no more follow-up questions can be asked, and it leaves the open queue.",
                                "The report stays available to the treating physician and the patient.",
                            ], action: "/staff\(casePath)/action", fields: [("action", "close")], confirmLabel: "Yes, close the request",
                            cancelURL: casePath, isWarning: true), context: context)
                }
                try await service.close(caseModel, by: mover)
                notice = "The case is closed."
            case "courtesy_optout":
                guard !text.isEmpty else { return try await again("optout-note", "Note what the patient said on the telephone.") }
                try await service.recordCourtesyOptOut(caseModel, note: text, by: mover)
                notice = "Recorded: no courtesy copy of the report for this case."
            default:
                throw HTTPError(.badRequest, message: "Unknown action.")
            }
        } catch is RefusedCaseMove {
            throw HTTPError(.conflict, message: "The case has moved on since this page was opened. Reload it to see where it stands.")
        } catch TriageRefusal.wrongConsultant {
            return try await again("consultant", "Choose a consultant of the case's specialty.")
        }
        context.session.update { $0.notice = notice }
        return .redirect(to: casePath, type: .normal)
    }
}
