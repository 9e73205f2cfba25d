import ConsiliumCore
import Foundation
import Hummingbird

/// The four-step Patient and Families Registration wizard. Each step checks on the server,
/// keeps what was typed in the session's draft, and opens only when the steps before it are
/// done. No account exists until the last step; then everything is created at once.
struct RegistrationController: Sendable {
    let agreements: AgreementService
    let registration: RegistrationService
    let hasher: PasswordHasher
    let policy: PasswordPolicy
    let settings: SettingsStore
    let limiter: RateLimiter
    /// The last step takes the same time for a new account and a taken email.
    let finishTiming: ResponseTimeFloor
    let renderer: PageRenderer

    // MARK: Step 1

    func showPersonal(_ request: Request, context: AppRequestContext) throws -> Response {
        if context.identity != nil { return .redirect(to: "/account", type: .normal) }
        guard let draft = context.session.state?.registration else {
            // The blank first step: the same for everyone who has not begun.
            let wording = renderer.wording(context)
            return try renderer.renderKept(
                "register", "registration/personal", title: WizardProgress.pageTitle(.personal, wording: wording),
                content: PersonalStepPage(input: PersonalDetailsInput(), errors: [:], wording: wording, expired: context.session.expired),
                context: context, hasForm: true)
        }
        return try personalPage(draft.personal, errors: [:], context: context, expired: context.session.expired)
    }

    func postPersonal(_ request: Request, context: AppRequestContext) throws -> Response {
        let input = PersonalDetailsInput(form: context.form)
        switch WizardSteps.personal(input, area: settings.current.serviceArea) {
        case .ineligible:
            // Nothing typed is kept: any draft is dropped with the answer.
            if context.session.state?.registration != nil { context.session.update { $0.registration = nil } }
            return try renderer.render(
                "registration/not-available", title: renderer.wording(context)("not-available-heading"), content: EmptyContent(),
                context: context)
        case .invalid(let errors):
            context.session.update { $0.registration = ($0.registration ?? RegistrationDraft()).with { $0.personal = input } }
            return try personalPage(input, errors: errors, context: context, status: .badRequest)
        case .valid(let details):
            context.session.update { state in
                var draft = state.registration ?? RegistrationDraft()
                draft.personal = input
                if draft.personalDetails != details { draft.acceptance = nil }
                draft.personalDetails = details
                state.registration = draft
                state.registrationFinished = false
            }
            return .redirect(to: RegistrationStep.agreement.path, type: .normal)
        }
    }

    // MARK: Step 2

    func showAgreement(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let draft = context.session.state?.registration, let details = draft.personalDetails else {
            return redirectToStart(request, context)
        }
        return try agreementPage(draft: draft, details: details, errors: [:], context: context, active: try await agreements.shown())
    }

    func postAgreement(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard var draft = context.session.state?.registration, let details = draft.personalDetails else {
            return redirectToStart(request, context)
        }
        let form = context.form
        WizardSteps.readAgreement(form, into: &draft)
        if let navigated = try WizardSteps.agreementNavigation(
            form, draft: draft, slot: \.registration, backPath: RegistrationStep.personal.path, renderer: renderer, context: context)
        {
            return navigated
        }
        let active = try await agreements.active()
        let errors = WizardSteps.agreementErrors(draft, signer: details)
        guard errors.isEmpty else {
            context.session.update { $0.registration = draft }
            return try agreementPage(draft: draft, details: details, errors: errors, context: context, active: active, status: .badRequest)
        }
        draft.acceptance = try WizardSteps.acceptance(
            typedName: draft.typedSignature, courtesyCopy: draft.courtesyCopy, active: active,
            shown: active.shownAgreement(renderer.wording(context)), clientAddress: context.clientAddress,
            userAgent: request.headers[.userAgent])
        context.session.update { $0.registration = draft }
        return .redirect(to: RegistrationStep.account.path, type: .normal)
    }

    // MARK: Step 3

    func showAccount(_ request: Request, context: AppRequestContext) throws -> Response {
        guard let draft = context.session.state?.registration else { return redirectToStart(request, context) }
        guard draft.furthestStep >= .account else { return .redirect(to: draft.furthestStep.path, type: .normal) }
        let wording = renderer.wording(context)
        return try renderer.render(
            "registration/account", title: WizardProgress.pageTitle(.account, wording: wording),
            content: AccountStepPage(draft: draft, errors: [:], wording: wording), context: context, hasForm: true)
    }

    func postAccount(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard var draft = context.session.state?.registration, let details = draft.personalDetails, draft.acceptance != nil else {
            return redirectToStart(request, context)
        }
        let form = context.form
        draft.email = form["email"]
        draft.emailConfirmation = form["emailConfirmation"]
        if form["action"] == "back" {
            context.session.update { $0.registration = draft }
            return .redirect(to: RegistrationStep.agreement.path, type: .normal)
        }
        let password = form["password"]
        let (_, errors) = AccountRules.check(
            email: draft.email, emailConfirmation: draft.emailConfirmation, password: password,
            passwordConfirmation: form["passwordConfirmation"], passwordAlreadyChosen: draft.passwordHash != nil, names: details.names,
            policy: policy)
        guard errors.isEmpty else {
            context.session.update { $0.registration = draft }
            let wording = renderer.wording(context)
            return try renderer.render(
                "registration/account", title: WizardProgress.pageTitle(.account, wording: wording),
                content: AccountStepPage(draft: draft, errors: errors, wording: wording), context: context, status: .badRequest,
                hasForm: true)
        }
        if !password.isEmpty { draft.passwordHash = try await hasher.hash(password) }
        context.session.update { $0.registration = draft }
        return .redirect(to: RegistrationStep.contact.path, type: .normal)
    }

    // MARK: Helpers

    /// Back to step 1, for a later step asked for without the earlier ones. A form posted into a
    /// draft that is gone means the session ran out, and the person is told so.
    func redirectToStart(_ request: Request, _ context: AppRequestContext) -> Response {
        if request.method == .post || context.session.expired, context.session.state?.registrationFinished != true {
            let notice = renderer.wording(context)("reg-expired")
            context.session.update { $0.notice = notice }
        }
        return .redirect(to: RegistrationStep.personal.path, type: .normal)
    }

    private func personalPage(
        _ input: PersonalDetailsInput, errors: [PersonalField: Message], context: AppRequestContext, status: HTTPResponse.Status = .ok,
        expired: Bool = false
    ) throws -> Response {
        let wording = renderer.wording(context)
        return try renderer.render(
            "registration/personal", title: WizardProgress.pageTitle(.personal, wording: wording),
            content: PersonalStepPage(input: input, errors: errors, wording: wording, expired: expired), context: context, status: status,
            hasForm: true)
    }

    private func agreementPage(
        draft: RegistrationDraft, details: PersonalDetails, errors: [String: Message], context: AppRequestContext,
        active: AgreementService.Active, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let wording = renderer.wording(context)
        return try renderer.render(
            "registration/agreement", title: WizardProgress.pageTitle(.agreement, wording: wording),
            content: AgreementStepPage(active: active, details: details, draft: draft, errors: errors, wording: wording), context: context,
            status: status, hasForm: true)
    }
}

extension RegistrationDraft {
    /// A copy with `change` applied.
    func with(_ change: (inout RegistrationDraft) -> Void) -> RegistrationDraft {
        var copy = self
        change(&copy)
        return copy
    }
}
