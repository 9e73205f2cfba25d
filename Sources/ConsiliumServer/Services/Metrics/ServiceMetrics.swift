import FluentKit
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// What an operator watches, in Prometheus's text format at `/metrics` on a port of its own
/// (`CONSILIUM_METRICS_PORT`, on loopback unless `CONSILIUM_METRICS_HOSTNAME` says otherwise):
/// requests by route template, method and status with their durations (Hummingbird's metrics
/// middleware: `/cases/{id}`, never the id), requests in progress, audit events appended, mail
/// waiting in the outbox and mail that failed, record bytes received, active sessions, how long
/// transactions waited for a database connection and how many requests found none in time. No label
/// carries an id, an email address or a name.
enum ServiceMetrics {
    /// The process's registry; swift-metrics reports to it from the first metric on.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Metrics made after the registry exists (one made before would report nowhere).
    private static func made<M>(_ make: () -> M) -> M {
        _ = registry
        return make()
    }

    static let auditEventsAppended = made { Counter(label: "consilium_audit_events_appended_total") }
    static let uploadBytes = made { Counter(label: "consilium_record_upload_bytes_total") }
    static let mailFailures = made { Counter(label: "consilium_mail_delivery_failures_total") }
    static let outboxPending = made { Gauge(label: "consilium_outbox_pending") }
    static let activeSessions = made { Gauge(label: "consilium_active_sessions") }
    /// See `ConnectionWait`.
    static let databaseConnectionWait = made { Timer(label: "consilium_database_connection_wait_seconds") }
    /// Requests refused with 503 because no connection (or lock) came free in time.
    static let databaseOverloads = made { Counter(label: "consilium_database_overload_refusals_total") }

    /// Reads the figures that are counted in the database (shared by every instance) and
    /// returns the whole exposition.
    static func exposition(database: DatabaseService, now: Date = Date()) async -> String {
        if let pending = try? await OutboxMessageModel.query(on: database.db).filter(
            \.$status == OutboxMessageModel.Status.pending.rawValue
        )
        .count() {
            outboxPending.record(pending)
        }
        if let sessions = try? await SessionRecord.query(on: database.db).filter(\.$expiresAt > now).count() {
            activeSessions.record(sessions)
        }
        return registry.emitToString()
    }

    /// The little application that answers `/metrics` on the metrics port, run beside the site.
    static func application(hostname: String, port: Int, database: DatabaseService, logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            let text = await exposition(database: database)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return Application(router: router, configuration: .init(address: .hostname(hostname, port: port), serverName: nil), logger: logger)
    }
}
