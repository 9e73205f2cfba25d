import ConsiliumCore
import Hummingbird

/// The pages around registration: the versioned Terms of Use, questions and answers, and the
/// privacy notice. One click from every step of the wizard.
struct InformationController: Sendable {
    let agreements: AgreementService
    let renderer: PageRenderer

    /// A versioned document shown in full.
    struct DocumentContent: Sendable {
        let heading: String
        let version: Int
        let published: String
        /// The document's paragraphs as HTML.
        let paragraphsHTML: RenderedFragment
    }

    func terms(_ request: Request, context: AppRequestContext) async throws -> Response {
        let active = try await agreements.shown()
        return try document("Terms of Use", active.terms, html: active.termsHTML, context: context, keep: true)
    }

    /// A particular version, as linked from the agreement that was signed.
    func termsVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let number = context.parameters.get("version", as: Int.self),
            let version = try await agreements.version(.terms, number: number)
        else { throw HTTPError(.notFound) }
        return try document("Terms of Use", version, html: .paragraphs(agreements.document(version).paragraphs), context: context)
    }

    func agreementVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let number = context.parameters.get("version", as: Int.self),
            let version = try await agreements.version(.agreement, number: number)
        else { throw HTTPError(.notFound) }
        return try document(
            "Patient Agreement and Authorization", version, html: .paragraphs(agreements.document(version).paragraphs), context: context)
    }

    func questions(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.renderKept("questions", "pages/questions", title: "Questions and contact", content: EmptyContent(), context: context)
    }

    func privacy(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.renderKept("privacy", "pages/privacy", title: "Privacy notice", content: EmptyContent(), context: context)
    }

    /// `keep`: the page of the version in force, kept per version (see `PageRenderer.renderKept`).
    private func document(
        _ heading: String, _ version: AgreementVersionModel, html: RenderedFragment, context: AppRequestContext, keep: Bool = false
    ) throws -> Response {
        let content = {
            DocumentContent(
                heading: heading, version: version.version, published: DisplayDate.long(version.publishedAt), paragraphsHTML: html)
        }
        let title = "\(heading), version \(version.version)"
        guard keep else { return try renderer.render("pages/document", title: title, content: content(), context: context) }
        return try renderer.renderKept(
            "\(heading) \(version.version)", "pages/document", title: title, content: content(), context: context)
    }
}
