import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// A family member who acts for more than one patient adds the next one from their dashboard:
/// steps 1 and 2 of registration again, for the new patient, under the same account.
struct AddPatientController: Sendable {
    let database: DatabaseService
    let agreements: AgreementService
    let registration: RegistrationService
    let settings: SettingsStore
    let renderer: PageRenderer

    static let steps: [RegistrationStep] = [.personal, .agreement]
    static let personalPath = "/patients/new"
    static let agreementPath = "/patients/new/agreement"

    func showPersonal(_ request: Request, context: SignedInContext) throws -> Response {
        try requireFamilyMember(context)
        var input = context.session.state?.addPatient?.personal ?? PersonalDetailsInput()
        if input.proxyFirstName.isEmpty && input.proxyLastName.isEmpty {
            let words = context.identity.displayName.split(separator: " ")
            input.proxyFirstName = words.dropLast().joined(separator: " ")
            input.proxyLastName = String(words.last ?? "")
        }
        return try personalPage(input, errors: [:], context: context)
    }

    func postPersonal(_ request: Request, context: SignedInContext) throws -> Response {
        try requireFamilyMember(context)
        var input = PersonalDetailsInput(form: context.form)
        input.registrant = Registrant.familyMember.rawValue
        switch WizardSteps.personal(input, area: settings.current.serviceArea) {
        case .ineligible:
            context.session.update { $0.addPatient = nil }
            return try renderer.render(
                "registration/not-available", title: renderer.wording(context)("not-available-heading"), content: EmptyContent(),
                context: context)
        case .invalid(let errors):
            context.session.update { $0.addPatient = ($0.addPatient ?? RegistrationDraft()).with { $0.personal = input } }
            return try personalPage(input, errors: errors, context: context, status: .badRequest)
        case .valid(let details):
            context.session.update { state in
                var draft = state.addPatient ?? RegistrationDraft()
                draft.personal = input
                draft.personalDetails = details
                state.addPatient = draft
            }
            return .redirect(to: Self.agreementPath, type: .normal)
        }
    }

    func showAgreement(_ request: Request, context: SignedInContext) async throws -> Response {
        try requireFamilyMember(context)
        guard let draft = context.session.state?.addPatient, let details = draft.personalDetails else {
            return .redirect(to: Self.personalPath, type: .normal)
        }
        return try agreementPage(draft, details, errors: [:], context: context, active: try await agreements.shown())
    }

    func postAgreement(_ request: Request, context: SignedInContext) async throws -> Response {
        try requireFamilyMember(context)
        guard var draft = context.session.state?.addPatient, let details = draft.personalDetails else {
            return .redirect(to: Self.personalPath, type: .normal)
        }
        let form = context.form
        WizardSteps.readAgreement(form, into: &draft)
        if let navigated = try WizardSteps.agreementNavigation(
            form, draft: draft, slot: \.addPatient, backPath: Self.personalPath, renderer: renderer, context: context)
        {
            return navigated
        }
        let active = try await agreements.active()
        let errors = WizardSteps.agreementErrors(draft, signer: details)
        guard errors.isEmpty else {
            context.session.update { $0.addPatient = draft }
            return try agreementPage(draft, details, errors: errors, context: context, active: active, status: .badRequest)
        }
        let acceptance = try WizardSteps.acceptance(
            typedName: draft.typedSignature, courtesyCopy: draft.courtesyCopy, active: active,
            shown: active.shownAgreement(renderer.wording(context)), clientAddress: context.clientAddress,
            userAgent: request.headers[.userAgent])
        let identity = context.identity
        let actor = context.auditActor
        try await database.db.transaction { tx in
            _ = try await registration.addPatient(details, acceptance: acceptance, for: identity.id.rawValue, actor: actor, in: tx)
        }
        context.session.update {
            $0.addPatient = nil
            $0.notice = renderer.wording(context)(
                "add-patient-added", ["name": .text("\(details.patientFirstName) \(details.patientLastName)")])
        }
        return .redirect(to: "/account", type: .normal)
    }

    /// Only family members act for several patients; anyone else is told the page is not theirs.
    private func requireFamilyMember(_ context: SignedInContext) throws {
        guard context.may(.addPatient) else { throw HTTPError(.notFound) }
    }

    private func personalPage(
        _ input: PersonalDetailsInput, errors: [PersonalField: Message], context: SignedInContext, status: HTTPResponse.Status = .ok
    )
        throws -> Response
    {
        let wording = renderer.wording(context)
        return try renderer.render(
            "registration/personal",
            title: WizardProgress.pageTitle(.personal, steps: Self.steps, wording: wording, message: "add-patient-page-title"),
            content: PersonalStepPage(
                input: input, errors: errors, wording: wording, action: Self.personalPath, askRegistrant: false, steps: Self.steps),
            context: context, status: status)
    }

    private func agreementPage(
        _ draft: RegistrationDraft, _ details: PersonalDetails, errors: [String: Message], context: SignedInContext,
        active: AgreementService.Active, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let wording = renderer.wording(context)
        return try renderer.render(
            "registration/agreement",
            title: WizardProgress.pageTitle(.agreement, steps: Self.steps, wording: wording, message: "add-patient-page-title"),
            content: AgreementStepPage(
                active: active, details: details, draft: draft, errors: errors, wording: wording, action: Self.agreementPath,
                steps: Self.steps),
            context: context, status: status)
    }
}
