import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The treating physician's side of the handshake: finding the case by its reference number or
/// the invitation link, then confirming (with the clinical history, the clinical question and
/// the materials to come) or declining. A number that does not lead to a case waiting for this
/// physician gets the same answer whether or not it exists, and attempts are rate limited.
struct JoinController: Sendable {
    let database: DatabaseService
    let service: CaseService
    let limiter: RateLimiter
    let audit: AuditLog
    let renderer: PageRenderer

    static let joinPerPhysician = RateLimitRule(name: "join.physician", limit: 10, window: 3600)
    static let joinPerAddress = RateLimitRule(name: "join.address", limit: 30, window: 3600)

    /// The reference-number form.
    struct EntryContent: Sendable {
        let reference: TextInput
        let summary: FormErrors
        let verified: Bool
    }

    /// The confirmation page.
    struct ConfirmContent: Sendable {
        let patientName: String
        let dateOfBirth: String
        let reference: String
        let specialty: String
        let question: String
        let summary: FormErrors
        let confirmHasError: Bool
        let confirmError: String
        let clinicalHistory: TextInput
        let clinicalQuestion: TextInput
        let materials: TextInput
    }

    /// An invitation followed before signing in.
    struct InviteContent: Sendable {
        let signInURL: String
        let registerURL: String
    }

    func showEntry(_ request: Request, context: SignedInContext) async throws -> Response {
        let profile = try await physicianProfile(context)
        return try entryPage(reference: "", error: nil, verified: profile.isVerified, context: context)
    }

    func enter(_ request: Request, context: SignedInContext) async throws -> Response {
        let profile = try await physicianProfile(context)
        guard profile.isVerified else { return try entryPage(reference: "", error: nil, verified: false, context: context) }
        let typed = context.form["reference"]
        let wording = renderer.wording(context)
        let reference: CaseReference
        do {
            reference = try CaseReference(typed)
        } catch .checkDigit {
            return try entryPage(
                reference: typed, error: wording("join-error-check-digit"), verified: true,
                context: context, status: .badRequest)
        } catch {
            return try entryPage(
                reference: typed, error: wording("join-error-digits"), verified: true, context: context, status: .badRequest)
        }
        try await limiter.hit(Self.joinPerPhysician, subject: context.identity.id.rawValue.uuidString)
        try await limiter.hit(Self.joinPerAddress, subject: context.clientAddress)
        let found = try await service.caseAwaiting(reference: reference, physician: context.identity, profile: profile)
        try await audit.record(
            .caseJoinAttempt, by: context.auditActor,
            on: try found.map { try .case($0) },
            outcome: found == nil ? .failure : .success, in: database.db)
        guard let found else {
            return try entryPage(
                reference: typed, error: wording("join-error-not-found"), verified: true, context: context, status: .notFound)
        }
        context.session.update { $0.joiningCaseID = found.caseID }
        return .redirect(to: "/cases/join/confirm", type: .normal)
    }

    /// The emailed link. Signed out: ask to sign in or register first; signed in: open the request.
    func invitation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard let identity = context.identity else {
            let next = "/cases/join/invite?token=\(token)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return try renderer.render(
                "cases/invite", title: renderer.wording(context)("join-invite-heading"),
                content: InviteContent(signInURL: "/signin?next=\(next)", registerURL: "/physicians/register"), context: context)
        }
        guard AccessPolicy.allows(identity.role, .joinCase),
            let profile = try await PhysicianDirectory.profile(of: identity.id, on: database.db)
        else { throw HTTPError(.notFound) }
        guard profile.isVerified else { return .redirect(to: "/cases/join", type: .normal) }
        let found: CaseModel
        switch try await service.join(invitation: token, physician: identity, profile: profile) {
        case .joined(let caseModel):
            found = caseModel
            try await audit.record(
                .caseJoinAttempt, by: context.auditActor(), on: try .case(caseModel), detail: "invitation", in: database.db)
        case .refused(let reason, let caseModel):
            try await audit.record(
                .caseJoinAttempt, by: context.auditActor(), on: try caseModel.map { try .case($0) }, outcome: .denied,
                detail: "invitation_" + reason, in: database.db)
            return try renderer.render(
                "accounts/link-expired", title: renderer.text("link-expired-heading", in: context.language), content: EmptyContent(),
                context: context, status: .notFound)
        }
        context.session.update { $0.joiningCaseID = found.caseID }
        return .redirect(to: "/cases/join/confirm", type: .normal)
    }

    func showConfirm(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await joiningCase(context)
        try await audit.record(
            .caseViewed, by: context.auditActor, on: try .case(caseModel), detail: "join_confirmation", in: database.db)
        return try confirmPage(caseModel, form: FormData(), errors: [:], context: context)
    }

    func confirm(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await joiningCase(context)
        let form = context.form
        let mover = CaseWorkflow.Mover(identity: context.identity, actor: .treatingPhysician, audit: context.auditActor)
        if form["action"] == "decline" {
            try await service.decline(caseModel, by: mover)
            context.session.update {
                $0.joiningCaseID = nil
                $0.notice = renderer.wording(context)("join-declined-notice")
            }
            return .redirect(to: "/account", type: .normal)
        }
        let wording = renderer.wording(context)
        var errors: [String: String] = [:]
        if form["confirm"] != "yes" { errors["confirm"] = wording("join-error-confirm") }
        for field in ["clinicalHistory", "clinicalQuestion", "materials"] {
            let value = form[field].trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty {
                errors[field] = wording("join-error-\(field)-empty")
            } else if value.count > 8000 {
                errors[field] = wording("join-error-too-long", ["max": .number(8000)])
            }
        }
        guard errors.isEmpty else { return try confirmPage(caseModel, form: form, errors: errors, context: context, status: .badRequest) }
        try await service.confirm(
            caseModel,
            with: .init(
                clinicalHistory: form["clinicalHistory"].trimmingCharacters(in: .whitespacesAndNewlines),
                clinicalQuestion: form["clinicalQuestion"].trimmingCharacters(in: .whitespacesAndNewlines),
                materials: form["materials"].trimmingCharacters(in: .whitespacesAndNewlines)), by: mover)
        context.session.update {
            $0.joiningCaseID = nil
            $0.notice = wording("join-confirmed-notice")
        }
        return .redirect(to: "/cases/\(try caseModel.requireID().uuidString.lowercased())", type: .normal)
    }

    // MARK: helpers

    private func physicianProfile(_ context: SignedInContext) async throws -> PhysicianProfileModel {
        guard context.may(.joinCase),
            let profile = try await PhysicianDirectory.profile(of: context.identity.id, on: database.db)
        else { throw HTTPError(.notFound) }
        return profile
    }

    /// The case this physician proved they may join, if it is still waiting.
    private func joiningCase(_ context: SignedInContext) async throws -> CaseModel {
        let profile = try await physicianProfile(context)
        guard profile.isVerified, let id = context.session.state?.joiningCaseID, let caseModel = try await service.waitingCase(id) else {
            throw HTTPError(.notFound)
        }
        return caseModel
    }

    private func entryPage(
        reference: String, error: String?, verified: Bool, context: SignedInContext, status: HTTPResponse.Status = .ok
    ) throws
        -> Response
    {
        let wording = renderer.wording(context)
        let input = TextInput(
            "reference", label: wording("join-reference"), value: reference, autocomplete: "off", hint: wording("join-reference-hint"),
            error: error, width: "width-20")
        return try renderer.render(
            "cases/join", title: wording("join-heading"),
            content: EntryContent(reference: input, summary: FormErrors([("reference", error)]), verified: verified), context: context,
            status: status)
    }

    private func confirmPage(
        _ caseModel: CaseModel, form: FormData, errors: [String: String], context: SignedInContext, status: HTTPResponse.Status = .ok
    )
        throws -> Response
    {
        let wording = renderer.wording(context)
        let birth = CalendarDate(iso: caseModel.patient.dateOfBirth)
        let content = ConfirmContent(
            patientName: caseModel.patient.fullName,
            dateOfBirth: birth.map { DisplayDate.long($0, in: context.language) } ?? caseModel.patient.dateOfBirth,
            reference: caseModel.caseReference?.display ?? "", specialty: caseModel.specialty, question: caseModel.question,
            summary: FormErrors([
                ("confirm", errors["confirm"]), ("clinicalHistory", errors["clinicalHistory"]),
                ("clinicalQuestion", errors["clinicalQuestion"]), ("materials", errors["materials"]),
            ]),
            confirmHasError: errors["confirm"] != nil, confirmError: errors["confirm"] ?? "",
            clinicalHistory: TextInput(
                "clinicalHistory", label: wording("join-clinical-history"), value: form["clinicalHistory"], error: errors["clinicalHistory"]
            ),
            clinicalQuestion: TextInput(
                "clinicalQuestion", label: wording("join-clinical-question"), value: form["clinicalQuestion"],
                error: errors["clinicalQuestion"]),
            materials: TextInput(
                "materials", label: wording("join-materials"), value: form["materials"], hint: wording("join-materials-hint"),
                error: errors["materials"]))
        return try renderer.render(
            "cases/join-confirm", title: wording("join-confirm-heading"), content: content, context: context, status: status)
    }
}
