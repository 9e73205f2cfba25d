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
        let paragraphs: [String]
    }

    func terms(_ request: Request, context: AppRequestContext) async throws -> Response {
        let active = try await agreements.active()
        return try document("Terms of Use", active.terms, context: context)
    }

    /// A particular version, as linked from the agreement that was signed.
    func termsVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let number = context.parameters.get("version", as: Int.self),
            let version = try await agreements.version(.terms, number: number)
        else { throw HTTPError(.notFound) }
        return try document("Terms of Use", version, context: context)
    }

    func agreementVersion(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let number = context.parameters.get("version", as: Int.self),
            let version = try await agreements.version(.agreement, number: number)
        else { throw HTTPError(.notFound) }
        return try document("Patient Agreement and Authorization", version, context: context)
    }

    func questions(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.render("pages/questions", title: "Questions and contact", content: EmptyContent(), context: context)
    }

    func privacy(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.render("pages/privacy", title: "Privacy notice", content: EmptyContent(), context: context)
    }

    private func document(_ heading: String, _ version: AgreementVersionModel, context: AppRequestContext) throws -> Response {
        let content = DocumentContent(
            heading: heading, version: version.version, published: DisplayDate.long(version.publishedAt),
            paragraphs: agreements.document(version).paragraphs)
        return try renderer.render("pages/document", title: "\(heading), version \(version.version)", content: content, context: context)
    }
}
