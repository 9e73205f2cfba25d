import ConsiliumCore
import Foundation
import Hummingbird

extension RegistrationController {
    // MARK: Step 4 and the end

    func showContact(_ request: Request, context: AppRequestContext) throws -> Response {
        guard let draft = context.session.state?.registration else { return redirectToStart(request, context) }
        guard draft.furthestStep >= .contact else { return .redirect(to: draft.furthestStep.path, type: .normal) }
        var contact = draft.contact
        if contact.country.isEmpty { contact.country = draft.personalDetails?.country ?? "" }
        if contact.region.isEmpty { contact.region = draft.personalDetails?.state ?? "" }
        let wording = renderer.wording(context)
        return try renderer.render(
            "registration/contact", title: WizardProgress.pageTitle(.contact, wording: wording),
            content: ContactStepPage(contact: contact, errors: [:], wording: wording), context: context, hasForm: true)
    }

    func postContact(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard var draft = context.session.state?.registration else {
            // A second press of "Finish", or a replay: the account was already made in this session.
            if context.session.state?.registrationFinished == true { return try checkEmailPage(context) }
            return redirectToStart(request, context)
        }
        guard let details = draft.personalDetails, let acceptance = draft.acceptance, let passwordHash = draft.passwordHash,
            let email = try? EmailAddress(draft.email)
        else { return .redirect(to: draft.furthestStep.path, type: .normal) }
        let form = context.form
        draft.contact = ContactInput.typed(form)
        if form["action"] == "back" {
            context.session.update { $0.registration = draft }
            return .redirect(to: RegistrationStep.account.path, type: .normal)
        }
        let contact = draft.contact
        let (checked, errors) = contact.check()
        guard let checked else {
            context.session.update { $0.registration = draft }
            let wording = renderer.wording(context)
            return try renderer.render(
                "registration/contact", title: WizardProgress.pageTitle(.contact, wording: wording),
                content: ContactStepPage(contact: contact, errors: errors, wording: wording),
                context: context, status: .badRequest, hasForm: true)
        }
        try await limiter.hit(RateLimiter.Rules.registrationPerAddress, subject: context.clientAddress)
        try await limiter.hit(RateLimiter.Rules.registrationPerAccount, subject: email.value)
        // The agreement may have changed since step 2: the person reads and accepts the version
        // in force before any account exists, rather than being asked again at sign-in.
        let active = try await agreements.active()
        guard acceptance.agreementVersionID == active.agreement.id, acceptance.termsVersionID == active.terms.id else {
            draft.acceptance = nil
            draft.agreementTicked = false
            context.session.update {
                $0.registration = draft
                $0.notice = renderer.wording(context)("reg-agreement-changed")
            }
            return .redirect(to: RegistrationStep.agreement.path, type: .normal)
        }
        let actor = context.auditActor()
        // A new account writes more than a taken email does: both answers take the same time.
        let started = ContinuousClock.now
        _ = try await registration.complete(
            .init(
                email: email, passwordHash: passwordHash, details: details, acceptance: acceptance, contact: checked,
                language: context.language), actor: actor)
        try await finishTiming.pad(since: started)
        context.session.update {
            $0.registration = nil
            $0.registrationFinished = true
        }
        return try checkEmailPage(context)
    }

    func checkEmailPage(_ context: AppRequestContext) throws -> Response {
        try renderer.render(
            "registration/check-email", title: renderer.wording(context)("check-email-heading"), content: EmptyContent(), context: context)
    }
}
