import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// Accepting a newer version of the agreement, asked at the first sign-in after it was
/// published. The acceptance is a new consent record for every patient the account acts for;
/// the earlier records stay as they were.
struct AgreementAcceptanceController: Sendable {
    let database: DatabaseService
    let agreements: AgreementService
    let directory: PatientDirectory
    let audit: AuditLog
    let renderer: PageRenderer

    /// The acceptance page.
    struct Content: Sendable {
        let summary: FormErrors
        /// The agreement's paragraphs, made once per version.
        let paragraphsHTML: RenderedFragment
        let agreementVersion: Int
        let termsVersion: Int
        let agreementHeading: String
        let agreementLanguage: String
        let agreementNotice: [String]
        let patientNames: [String]
        let signature: TextInput
        let agreeHasError: Bool
        let agreeError: String
        let courtesyCopyChecked: Bool
    }

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let entries = try await directory.patients(of: context.identity.id.rawValue)
        let courtesy = entries.first?.latestConsent?.courtesyCopy ?? true
        return try await page(entries: entries, errors: [:], signature: "", courtesyCopy: courtesy, context: context)
    }

    func accept(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = context.form
        let identity = context.identity
        let entries = try await directory.patients(of: identity.id.rawValue)
        let signature = form["signature"]
        let courtesy = form["courtesyCopy"] == "yes"
        let wording = renderer.wording(context)
        var errors: [String: String] = [:]
        if form["agree"] != "yes" { errors["agree"] = wording("accept-new-error-tick") }
        let words = identity.displayName.split(separator: " ")
        if !PersonName.signatureMatches(signature, first: words.dropLast().joined(separator: " "), last: String(words.last ?? "")) {
            errors["signature"] = wording("accept-new-error-signature", ["name": .text(identity.displayName)])
        }
        guard errors.isEmpty else {
            return try await page(
                entries: entries, errors: errors, signature: signature, courtesyCopy: courtesy, context: context, status: .badRequest)
        }
        let active = try await agreements.active()
        let actor = context.auditActor
        let acceptance = try WizardSteps.acceptance(
            typedName: signature, courtesyCopy: courtesy, active: active, shown: active.shownAgreement(wording),
            clientAddress: context.clientAddress, userAgent: request.headers[.userAgent])
        try await database.db.transaction { tx in
            for entry in entries {
                let patientID = try entry.patient.requireID()
                let consent = try await ConsentWriter.write(
                    patientID: patientID, signerID: identity.id.rawValue, acceptance: acceptance,
                    authority: entry.access.authority.flatMap(ProxyAuthority.init(rawValue:)), in: tx)
                try await audit.record(
                    .consentSigned, by: actor, on: .init(type: "Consent", id: consent.uuidString, patientID: entry.patient.patientID),
                    in: tx)
            }
        }
        context.session.update {
            $0.mustAcceptAgreement = false
            $0.notice = wording("accept-new-thanks", ["version": .number(active.agreement.version)])
        }
        return .redirect(to: "/account", type: .normal)
    }

    private func page(
        entries: [PatientDirectory.Entry], errors: [String: String], signature: String, courtesyCopy: Bool, context: SignedInContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let active = try await agreements.active()
        let wording = renderer.wording(context)
        let signatureInput = TextInput(
            "signature", label: wording("agreement-signature-label"), value: signature, autocomplete: "name",
            hint: wording("accept-new-signature-hint", ["name": .text(context.identity.displayName)]), error: errors["signature"])
        let shown = active.shownAgreement(wording)
        let content = Content(
            summary: FormErrors([("agree", errors["agree"]), ("signature", errors["signature"])]),
            paragraphsHTML: shown.paragraphsHTML,
            agreementVersion: active.agreement.version, termsVersion: active.terms.version, agreementHeading: shown.heading,
            agreementLanguage: shown.language.tag, agreementNotice: shown.notice,
            patientNames: entries.map { $0.patient.fullName }, signature: signatureInput, agreeHasError: errors["agree"] != nil,
            agreeError: errors["agree"] ?? "", courtesyCopyChecked: courtesyCopy)
        return try renderer.render(
            "registration/accept-new-version", title: wording("accept-new-heading"), content: content, context: context,
            status: status)
    }
}
