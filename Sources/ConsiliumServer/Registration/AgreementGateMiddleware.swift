import Hummingbird

/// Sends a person who must accept a newer agreement to the acceptance page before anything
/// else; reading the documents, getting help and signing out stay open.
struct AgreementGateMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let acceptancePath = "/agreement/accept"
    static let openPrefixes = [acceptancePath, "/signout", "/terms", "/agreement/", "/questions", "/privacy"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity != nil, context.session.state?.mustAcceptAgreement == true,
            !Self.openPrefixes.contains(where: { request.uri.path.hasPrefix($0) })
        else { return try await next(request, context) }
        return .redirect(to: Self.acceptancePath, type: .normal)
    }
}
