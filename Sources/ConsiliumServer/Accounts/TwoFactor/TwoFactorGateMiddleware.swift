import Hummingbird

/// Consultants, coordinators and administrators must turn on two-step sign-in before they
/// see anything else: until then every page sends them to enrolment. Signing out, help and
/// the published documents stay open.
struct TwoFactorGateMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let enrolmentPath = "/account/two-factor"
    static let openPrefixes = [enrolmentPath, "/signout", "/terms", "/agreement/", "/questions", "/privacy"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let identity = context.identity, identity.role.requiresTwoFactor, !identity.hasTwoFactor,
            !Self.openPrefixes.contains(where: { request.uri.path.hasPrefix($0) })
        else { return try await next(request, context) }
        return .redirect(to: Self.enrolmentPath, type: .normal)
    }
}
