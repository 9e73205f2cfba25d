import ConsiliumCore
import Hummingbird

/// The pages around registration: the versioned Terms of Use, questions and answers, and the
/// privacy notice. One click from every step of the wizard.
struct InformationController: Sendable {
    let agreements: AgreementService
    let renderer: PageRenderer

    /// A versioned document shown in full, in the reader's language when the institution has
    /// published a translation of that version, else in English with a notice.
    struct DocumentContent: Sendable {
        let heading: String
        let versionLine: String
        let documentLanguage: String
        let notice: [String]
        /// The document's paragraphs as HTML.
        let paragraphsHTML: RenderedFragment
    }

    func terms(_ request: Request, context: AppRequestContext) async throws -> Response {
        let active = try await agreements.shown()
        return try document(active.terms, shown: active.shownTerms(renderer.wording(context)), context: context, keep: true)
    }

    /// A particular version, as linked from the agreement that was signed.
    func termsVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await version(.terms, context: context)
    }

    func agreementVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await version(.agreement, context: context)
    }

    private func version(_ kind: AgreementVersionModel.Kind, context: AppRequestContext) async throws -> Response {
        guard let number = context.parameters.get("version", as: Int.self), let version = try await agreements.version(kind, number: number)
        else { throw HTTPError(.notFound) }
        let shown = try await agreements.shown(version, in: renderer.wording(context))
        return try document(version, shown: shown, context: context)
    }

    func questions(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.renderKept(
            "questions", "pages/questions", title: renderer.text("questions-title", in: context.language), content: EmptyContent(),
            context: context)
    }

    func privacy(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.renderKept(
            "privacy", "pages/privacy", title: renderer.text("footer-privacy-link", in: context.language), content: EmptyContent(),
            context: context)
    }

    /// `keep`: the page of the version in force, kept per version and language (see `PageRenderer.renderKept`).
    private func document(
        _ version: AgreementVersionModel, shown: AgreementService.Active.Shown, context: AppRequestContext, keep: Bool = false
    ) throws -> Response {
        let wording = renderer.wording(context)
        let content = {
            DocumentContent(
                heading: wording(version.kind == AgreementVersionModel.Kind.terms.rawValue ? "terms-title" : "agreement-title"),
                versionLine: wording(
                    "document-version-line",
                    ["version": .number(version.version), "date": .text(DisplayDate.long(version.publishedAt, in: context.language))]),
                documentLanguage: shown.language.tag, notice: shown.notice, paragraphsHTML: shown.paragraphsHTML)
        }
        guard keep else { return try renderer.render("pages/document", title: shown.heading, content: content(), context: context) }
        return try renderer.renderKept(
            "\(version.kind) \(version.version)", "pages/document", title: shown.heading, content: content(), context: context)
    }
}
