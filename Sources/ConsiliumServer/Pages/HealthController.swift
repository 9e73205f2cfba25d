import Hummingbird

/// Liveness and readiness for load balancers and orchestrators.
struct HealthController: Sendable {
    let database: DatabaseService

    /// The process answers; nothing else is touched.
    func live(_ request: Request, context: AppRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
    }

    /// The database answers a query.
    func ready(_ request: Request, context: AppRequestContext) async -> Response {
        let ready = await database.isReady()
        return Response(
            status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: ready ? "ready\n" : "database unavailable\n")))
    }
}
