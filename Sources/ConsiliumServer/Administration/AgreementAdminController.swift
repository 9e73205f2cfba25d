import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// Publishing a new version of the patient agreement or the terms of use from the browser:
/// write (starting from the version in force), preview exactly as patients will read it, then
/// publish. Every patient and family member accepts it at their next sign-in.
struct AgreementAdminController: Sendable {
    let database: DatabaseService
    let agreements: AgreementService
    let audit: AuditLog
    let renderer: PageRenderer

    /// The editing page, with the preview when asked for.
    struct Content: Sendable {
        let kindName: String
        /// Where the version in force can be read.
        let currentPath: String
        let kind: String
        let text: TextInput
        let summary: FormErrors
        let currentVersion: Int
        let currentPublished: String
        let nextVersion: Int
        let hasPreview: Bool
        let preview: [String]
    }

    func show(_ request: Request, context: AdministratorContext) async throws -> Response {
        let kind = AgreementVersionModel.Kind(rawValue: request.uri.queryParameters["kind"].map(String.init) ?? "") ?? .agreement
        let current = try await agreements.latest(kind, on: database.db)
        return try page(kind: kind, text: current.body, current: current, preview: false, error: nil, context: context)
    }

    /// Back from the preview to the text, as it was.
    func edit(_ request: Request, context: AdministratorContext) async throws -> Response {
        guard let kind = AgreementVersionModel.Kind(rawValue: context.form["kind"]) else {
            throw HTTPError(.badRequest, message: "Choose the agreement or the terms.")
        }
        let current = try await agreements.latest(kind, on: database.db)
        return try page(kind: kind, text: context.form["text"], current: current, preview: false, error: nil, context: context)
    }

    /// `action=preview` shows the text as patients will see it; `action=publish` publishes it.
    func submit(_ request: Request, context: AdministratorContext) async throws -> Response {
        let form = context.form
        guard let kind = AgreementVersionModel.Kind(rawValue: form["kind"]) else {
            throw HTTPError(.badRequest, message: "Choose the agreement or the terms.")
        }
        let text = form["text"].replacingOccurrences(of: "\r\n", with: "\n")
        let current = try await agreements.latest(kind, on: database.db)
        if let problem = AgreementDocument.problem(publishing: text) {
            return try page(kind: kind, text: text, current: current, preview: false, error: problem, context: context, status: .badRequest)
        }
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body == current.body.trimmingCharacters(in: .whitespacesAndNewlines) {
            return try page(
                kind: kind, text: text, current: current, preview: false,
                error: "This is the text of version \(current.version) already in force. Change it before publishing.", context: context,
                status: .badRequest)
        }
        guard form["action"] == "publish" else {
            return try page(kind: kind, text: text, current: current, preview: true, error: nil, context: context)
        }
        let actor = context.auditActor
        let version = try await database.db.transaction { tx in
            let version = try await agreements.publish(kind, body: body, on: tx)
            try await audit.record(
                .agreementPublished, by: actor,
                on: .init(type: "AgreementVersion", id: try version.requireID().uuidString, patientID: nil),
                detail: "\(kind.rawValue) v\(version.version)", in: tx)
            return version
        }
        agreements.shownCache.forget()  // again, now that the version is committed
        context.session.update {
            $0.notice =
                "Version \(version.version) is published. Patients and family members will be asked to accept it at their next sign-in."
        }
        return .redirect(to: "/admin/agreement?kind=\(kind.rawValue)", type: .normal)
    }

    private func page(
        kind: AgreementVersionModel.Kind, text: String, current: AgreementVersionModel, preview: Bool, error: String?,
        context: AdministratorContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let name = kind == .agreement ? "Patient Agreement and Authorization" : "Terms of Use"
        let textInput = TextInput(
            "text", label: "Text of the new version", value: text,
            hint: "Paragraphs are separated by a blank line. {institution}, {service}, {phone}, {governing_law} and {venue} are filled in.",
            error: error)
        let content = Content(
            kindName: name, currentPath: "/\(kind.rawValue)/\(current.version)", kind: kind.rawValue, text: textInput,
            summary: FormErrors([("text", error)]), currentVersion: current.version,
            currentPublished: DisplayDate.long(current.publishedAt), nextVersion: current.version + 1, hasPreview: preview,
            preview: preview ? AgreementDocument(template: text, particulars: agreements.particulars).paragraphs : [])
        return try renderer.render(
            "admin/agreement", title: preview ? "Preview: \(name)" : "Publish a new version", content: content, context: context,
            status: status, hasForm: true)
    }
}
