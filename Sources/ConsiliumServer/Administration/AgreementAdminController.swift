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

    // MARK: Translations

    /// The translation page: the version in force of one document, its translation into each
    /// language the service speaks (published, or a form to publish it).
    struct TranslationContent: Sendable {
        let kindName: String
        let kind: String
        let version: Int
        let currentPath: String
        let languages: [TranslationLanguage]
        let summary: FormErrors
    }

    /// One language's row: published (with a link to read it) or the form to publish it.
    struct TranslationLanguage: Sendable {
        let tag: String
        let name: String
        let isPublished: Bool
        let published: String
        let text: TextInput
    }

    func showTranslation(_ request: Request, context: AdministratorContext) async throws -> Response {
        let kind = AgreementVersionModel.Kind(rawValue: request.uri.queryParameters["kind"].map(String.init) ?? "") ?? .agreement
        return try await translationPage(kind: kind, typed: [:], error: nil, context: context)
    }

    /// Publishes the translation typed for `language` of the version in force, after the same
    /// checks as the command line: every particular and every paragraph of the original kept.
    func submitTranslation(_ request: Request, context: AdministratorContext) async throws -> Response {
        let form = context.form
        guard let kind = AgreementVersionModel.Kind(rawValue: form["kind"]) else {
            throw HTTPError(.badRequest, message: "Choose the agreement or the terms.")
        }
        guard let language = Language(tag: form["language"]), language != .english else {
            throw HTTPError(.badRequest, message: "Choose a language the service speaks besides English.")
        }
        let text = form["text"].replacingOccurrences(of: "\r\n", with: "\n")
        let current = try await agreements.latest(kind, on: database.db)
        let translated =
            try await AgreementTranslationModel.query(on: database.db).filter(\.$version.$id == current.requireID())
            .filter(\.$language == language.tag).count() > 0
        if translated {
            return try await translationPage(
                kind: kind, typed: [:], error: (language, "This version already has a translation; it never changes."), context: context,
                status: .conflict)
        }
        if let problem = AgreementDocument.problem(translating: current.body, as: text) {
            return try await translationPage(
                kind: kind, typed: [language: text], error: (language, problem), context: context, status: .badRequest)
        }
        let translation: AgreementTranslationModel
        do {
            translation = try await agreements.publishTranslation(kind, of: current.version, language: language, body: text)
        } catch AgreementService.TranslationRefused.alreadyTranslated {
            return try await translationPage(
                kind: kind, typed: [language: text], error: (language, "This version already has a translation; it never changes."),
                context: context, status: .conflict)
        }
        try await audit.record(
            .agreementPublished, by: context.auditActor,
            on: .init(type: "AgreementTranslation", id: try translation.requireID().uuidString, patientID: nil),
            detail: "\(kind.rawValue) v\(current.version) \(language.tag)", in: database.db)
        context.session.update {
            $0.notice = "The \(language.englishName) translation of version \(current.version) is published."
        }
        return .redirect(to: "/admin/agreement/translation?kind=\(kind.rawValue)", type: .normal)
    }

    private func translationPage(
        kind: AgreementVersionModel.Kind, typed: [Language: String], error: (Language, String)?, context: AdministratorContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let current = try await agreements.latest(kind, on: database.db)
        let rows = try await AgreementTranslationModel.query(on: database.db).filter(\.$version.$id == current.requireID()).all()
        let name = kind == .agreement ? "Patient Agreement and Authorization" : "Terms of Use"
        let languages = Language.allCases.filter { $0 != .english }.map { language in
            let row = rows.first { $0.language == language.tag }
            let failed = error?.0 == language ? error?.1 : nil
            return TranslationLanguage(
                tag: language.tag, name: language.englishName, isPublished: row != nil,
                published: row.map { DisplayDate.long($0.publishedAt) } ?? "",
                text: TextInput(
                    "text-\(language.tag)", label: "\(language.englishName) translation of version \(current.version)",
                    value: typed[language] ?? "",
                    hint: "Translate every paragraph as one paragraph, and keep each of {institution}, {service}, {phone}, "
                        + "{governing_law} and {venue} that the English text uses.", error: failed))
        }
        let content = TranslationContent(
            kindName: name, kind: kind.rawValue, version: current.version, currentPath: "/\(kind.rawValue)/\(current.version)",
            languages: languages, summary: FormErrors([(error.map { "text-\($0.0.tag)" } ?? "", error?.1)]))
        return try renderer.render(
            "admin/agreement-translation", title: "Translations of the \(name)", content: content, context: context, status: status,
            hasForm: true)
    }
}
