import ConsiliumCore
import Hummingbird

/// Whole areas of the site that belong to some roles: anyone else signed in gets the 404 of a
/// page that does not exist, and the refusal is an audit event. The controllers check again.
struct RoleAreaMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let audit: AuditLog
    let database: DatabaseService

    /// Path prefix and the roles that may enter.
    static let areas: [(prefix: String, roles: Set<Role>)] = [
        ("/admin", [.administrator]),
        ("/staff", [.coordinator, .administrator]),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard let identity = context.identity,
            let area = Self.areas.first(where: { path == $0.prefix || path.hasPrefix($0.prefix + "/") || path.hasPrefix($0.prefix + ".") }),
            !area.roles.contains(identity.role)
        else { return try await next(request, context) }
        try await audit.record(
            .permissionDenied,
            by: context.auditActor(),
            outcome: .denied, detail: "area \(area.prefix)", in: database.db)
        throw HTTPError(.notFound)
    }
}
