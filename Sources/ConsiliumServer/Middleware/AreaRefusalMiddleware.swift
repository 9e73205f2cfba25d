import ConsiliumCore
import Hummingbird

/// Audits the refusals of role areas: a signed-in person whose role an area's context does not
/// admit (`AreaRefused`, thrown while the route's context is made) gets the 404 of a page that
/// does not exist, and the attempt is recorded. However the path is spelled (`//admin/...`
/// reaches the same route), the route's context decides.
struct AreaRefusalMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let audit: AuditLog
    let database: DatabaseService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as AreaRefused {
            try await audit.record(
                .permissionDenied, by: context.auditActor(), outcome: .denied, detail: "area \(refused.area)", in: database.db)
            throw HTTPError(.notFound)
        }
    }
}
