import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// The account holder's own postal address and telephone number: seen and changed from the
/// account page, checked with the registration's rules. Reading and changing them are audit events.
struct ContactController: Sendable {
    let database: DatabaseService
    let audit: AuditLog
    let renderer: PageRenderer

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        guard context.may(.keepContactDetails) else { throw HTTPError(.notFound) }
        let stored = try await details(of: context.identity)
        try await audit.record(.contactViewed, by: context.auditActor, on: .user(context.identity.id), in: database.db)
        return try page(stored.map(ContactInput.stored) ?? ContactInput(), errors: [:], context: context)
    }

    func save(_ request: Request, context: SignedInContext) async throws -> Response {
        guard context.may(.keepContactDetails) else { throw HTTPError(.notFound) }
        let typed = ContactInput.typed(context.form)
        let (checked, errors) = typed.check()
        guard let checked else { return try page(typed, errors: errors, context: context, status: .badRequest) }
        let identity = context.identity
        let actor = context.auditActor
        let existing = try await details(of: identity)
        try await database.db.transaction { tx in
            let model = existing ?? ContactDetailsModel()
            model.$user.id = identity.id.rawValue
            model.apply(checked)
            try await model.save(on: tx)
            try await audit.record(.contactUpdated, by: actor, on: .user(identity.id), in: tx)
        }
        let saved = renderer.text("contact-saved", in: context.language)
        context.session.update { $0.notice = saved }
        return .redirect(to: "/account", type: .normal)
    }

    private func details(of identity: SignedInUser) async throws -> ContactDetailsModel? {
        try await ContactDetailsModel.query(on: database.db).filter(\.$user.$id == identity.id.rawValue).first()
    }

    private func page(
        _ contact: ContactInput, errors: [String: Message], context: SignedInContext, status: HTTPResponse.Status = .ok
    ) throws
        -> Response
    {
        try renderer.render(
            "accounts/contact", title: renderer.text("dashboard-contact-heading", in: context.language),
            content: ContactStepPage(contact: contact, errors: errors, wording: renderer.wording(context)), context: context,
            status: status, hasForm: true)
    }
}
