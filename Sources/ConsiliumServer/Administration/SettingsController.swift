import ConsiliumCore
import Foundation
import HTTPTypes
import Hummingbird

/// The administration home page, and the service settings: where patients may live, the
/// specialties offered, the turnaround target and the follow-up question limit. A change takes
/// effect with the next request and is an audit event naming what changed.
struct SettingsController: Sendable {
    let settings: SettingsStore
    let renderer: PageRenderer

    struct IndexContent: Sendable {}

    /// The settings form.
    struct Content: Sendable {
        let countries: TextInput
        let specialties: TextInput
        let turnaroundDays: TextInput
        let followUpLimit: TextInput
        let states: [StateBox]
        let statesError: String
        let hasStatesError: Bool
        let summary: FormErrors
    }

    /// One U.S. state's "not served" checkbox.
    struct StateBox: Sendable {
        let code: String
        let name: String
        let checked: Bool
    }

    func index(_ request: Request, context: AdministratorContext) throws -> Response {
        return try renderer.render("admin/index", title: "Administration", content: IndexContent(), context: context)
    }

    func show(_ request: Request, context: AdministratorContext) throws -> Response {
        return try page(ServiceSettings.Form(settings.current), errors: [:], context: context)
    }

    func save(_ request: Request, context: AdministratorContext) async throws -> Response {
        let form = context.form
        let typed = ServiceSettings.Form(
            countries: form["countries"], excludedStates: form.all("excluded_states"), specialties: form["specialties"],
            turnaroundDays: form["turnaround_days"], followUpLimit: form["follow_up_limit"])
        switch ServiceSettings.parse(typed) {
        case .failure(let problems):
            return try page(typed, errors: problems.errors, context: context, status: .badRequest)
        case .success(let new):
            try await settings.save(new, by: context.auditActor)
            context.session.update { $0.notice = "The settings are saved and in effect now." }
            return .redirect(to: "/admin/settings", type: .normal)
        }
    }

    private func page(
        _ form: ServiceSettings.Form, errors: [ServiceSettings.Field: String], context: AdministratorContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let countries = TextInput(
            "countries", label: "Countries served", value: form.countries,
            hint: "Two-letter ISO codes, separated by commas: for example US, CA.", error: errors[.countries])
        let specialties = TextInput(
            "specialties", label: "Specialties offered", value: form.specialties,
            hint: "One per line, in the order patients see them. Cases already open keep their specialty.", error: errors[.specialties])
        let turnaround = TextInput(
            "turnaround_days", label: "Turnaround target, in days", value: form.turnaroundDays,
            hint: "From complete records to a released report; shown to patients and used to flag late cases.",
            error: errors[.turnaroundDays], width: "input-short")
        let followUps = TextInput(
            "follow_up_limit", label: "Follow-up questions a treating physician may ask", value: form.followUpLimit,
            hint: "After the report is released; 0 allows none.", error: errors[.followUpLimit], width: "input-short")
        let excluded = Set(form.excludedStates.map { $0.uppercased() })
        let content = Content(
            countries: countries, specialties: specialties, turnaroundDays: turnaround, followUpLimit: followUps,
            states: USState.all.map { StateBox(code: $0.code, name: $0.name, checked: excluded.contains($0.code)) },
            statesError: errors[.excludedStates] ?? "", hasStatesError: errors[.excludedStates] != nil,
            summary: FormErrors([
                ("countries", errors[.countries]), ("state-\(USState.all[0].code)", errors[.excludedStates]),
                ("specialties", errors[.specialties]), ("turnaround_days", errors[.turnaroundDays]),
                ("follow_up_limit", errors[.followUpLimit]),
            ]))
        return try renderer.render(
            "admin/settings", title: "Service settings", content: content, context: context, status: status, hasForm: true)
    }
}
