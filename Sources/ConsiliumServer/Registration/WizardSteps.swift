import ConsiliumCore
import Foundation
import Hummingbird

/// What steps 1 and 2 decide, shared by registration and by a family member adding a patient.
enum WizardSteps {
    /// Step 1's outcome: the location first, then every field.
    enum PersonalOutcome {
        case ineligible
        case invalid([PersonalField: Message])
        case valid(PersonalDetails)
    }

    static func personal(_ input: PersonalDetailsInput, area: ServiceArea, today: CalendarDate = .today()) -> PersonalOutcome {
        if RegistrationRules.eligibility(country: input.country, state: input.state, area: area) == .ineligible { return .ineligible }
        switch RegistrationRules.personalDetails(input, today: today) {
        case .invalid(let errors): return .invalid(errors)
        case .valid(let details): return .valid(details)
        }
    }

    /// Step 2's fields into the draft: tick, typed signature, courtesy copy.
    static func readAgreement(_ form: FormData, into draft: inout RegistrationDraft) {
        draft.typedSignature = form["signature"]
        draft.agreementTicked = form["agree"] == "yes"
        draft.courtesyCopy = form["courtesyCopy"] == "yes"
    }

    /// Step 2's Back and Decline buttons. Back keeps the draft in `slot` and returns to
    /// `backPath`; Decline drops it and says the agreement was not accepted. Nil means Continue.
    static func agreementNavigation(
        _ form: FormData, draft: RegistrationDraft, slot: WritableKeyPath<SessionState, RegistrationDraft?>, backPath: String,
        renderer: PageRenderer, context: some RenderContext
    ) throws -> Response? {
        switch form["action"] {
        case "back":
            context.session.update { $0[keyPath: slot] = draft }
            return .redirect(to: backPath, type: .normal)
        case "decline":
            context.session.update { $0[keyPath: slot] = nil }
            return try renderer.render(
                "registration/declined", title: renderer.wording(context)("declined-heading"), content: EmptyContent(), context: context)
        default:
            return nil
        }
    }

    /// What is wrong with step 2 as filled in; empty when the agreement is accepted.
    static func agreementErrors(_ draft: RegistrationDraft, signer details: PersonalDetails) -> [String: Message] {
        var errors: [String: Message] = [:]
        if !draft.agreementTicked { errors["agree"] = Message("agreement-error-tick") }
        if draft.typedSignature.trimmingCharacters(in: .whitespaces).isEmpty {
            errors["signature"] = Message("agreement-error-signature-empty")
        } else if !PersonName.signatureMatches(draft.typedSignature, first: details.signerFirstName, last: details.signerLastName) {
            errors["signature"] = Message(
                "agreement-error-signature-mismatch", ["name": .text("\(details.signerFirstName) \(details.signerLastName)")])
        }
        return errors
    }

    /// The acceptance a consent record will hold: the active versions, the exact text's hash, who and from where.
    /// `shown` is the agreement as the person read it: its language and, for a translation, its hash
    /// are kept beside the binding English text's.
    static func acceptance(
        typedName: String, courtesyCopy: Bool, active: AgreementService.Active, shown: AgreementService.Active.Shown? = nil,
        clientAddress: String, userAgent: String?, now: Date = Date()
    ) throws -> RegistrationDraft.Acceptance {
        RegistrationDraft.Acceptance(
            agreementVersionID: try active.agreement.requireID(), termsVersionID: try active.terms.requireID(),
            textSHA256: active.agreementDocument.sha256, shownLanguage: (shown?.language ?? .english).tag,
            translationSHA256: shown?.translationSHA256, typedName: typedName.trimmingCharacters(in: .whitespaces),
            courtesyCopy: courtesyCopy,
            signedAt: now, clientAddress: clientAddress, userAgent: userAgent ?? "")
    }
}
