import ConsiliumCore
import FluentKit
import Foundation
import Logging
import SQLKit
import ServiceLifecycle

/// Sends due outbox messages in the background, retrying failures with growing pauses. Each
/// message is first claimed with a conditional update, so two instances on one database never
/// both send it; on PostgreSQL the candidate rows are picked with `FOR UPDATE SKIP LOCKED`.
struct MailDeliveryService: Service {
    let database: DatabaseService
    let transport: any MailTransport
    let config: MailConfig
    let pollInterval: Duration
    let logger: Logger
    /// How long a claim lasts; longer than any one delivery may take.
    var claimDuration: TimeInterval = 300

    /// Delivers until the service shuts down. A shutdown is not a cancellation: a message being
    /// sent is finished and marked, and the ones claimed but not yet begun are released at once
    /// for another instance (rather than waiting out their claim), so each is sent exactly once.
    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                _ = try await deliverDue()
            } catch {
                logger.error("Mail delivery round failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
        }
    }

    /// Claims and sends every message that is due; returns how many were sent.
    @discardableResult
    func deliverDue(now: Date = Date(), batchSize: Int = 20) async throws -> Int {
        var sent = 0
        while true {
            let claimed = try await claim(now: now, limit: batchSize)
            if claimed.isEmpty { return sent }
            for (index, message) in claimed.enumerated() {
                if Task.isShuttingDownGracefully || Task.isCancelled {
                    try await release(claimed[index...])
                    return sent
                }
                if try await deliver(message, now: now) { sent += 1 }
            }
            if claimed.count < batchSize { return sent }
        }
    }

    /// Marks up to `limit` due messages as ours and returns them.
    func claim(now: Date, limit: Int) async throws -> [OutboxMessageModel] {
        guard let sql = database.db as? any SQLDatabase else { return [] }
        let token = SecureToken.generate(byteCount: 16)
        let until = now.addingTimeInterval(claimDuration)
        let lock: SQLQueryString = database.isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        try await sql.raw(
            """
            UPDATE outbox_messages SET claim_token = \(bind: token), claimed_until = \(bind: until)
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                  AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                ORDER BY next_attempt_at LIMIT \(bind: limit)\(lock)
            )
            AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            """
        ).run()
        return try await OutboxMessageModel.query(on: database.db).filter(\.$claimToken == token).all()
    }

    /// Gives claimed messages back unsent, for whichever instance polls next.
    func release(_ messages: ArraySlice<OutboxMessageModel>) async throws {
        for message in messages {
            guard let id = message.id, let token = message.claimToken else { continue }
            try await OutboxMessageModel.query(on: database.db)
                .filter(\.$id == id).filter(\.$claimToken == token)
                .set(\.$claimToken, to: nil)
                .set(\.$claimedUntil, to: nil)
                .update()
        }
        if !messages.isEmpty { logger.info("Mail claims released at shutdown", metadata: ["count": "\(messages.count)"]) }
    }

    private func deliver(_ message: OutboxMessageModel, now: Date) async throws -> Bool {
        guard let id = message.id, let token = message.claimToken else { return false }
        let mail = OutgoingMail(
            fromAddress: config.fromAddress, fromName: config.fromName, to: message.recipient, subject: message.subject,
            body: message.bodyText, messageID: "\(id.uuidString.lowercased())@consilium", date: message.createdAt ?? now)
        do {
            try await transport.send(mail)
            try await OutboxMessageModel.query(on: database.db)
                .filter(\.$id == id).filter(\.$claimToken == token)
                .set(\.$status, to: OutboxMessageModel.Status.sent.rawValue)
                .set(\.$sentAt, to: Date())
                .set(\.$attempts, to: message.attempts + 1)
                .set(\.$claimToken, to: nil)
                .set(\.$claimedUntil, to: nil)
                .update()
            logger.info("Mail sent", metadata: ["message": "\(id)", "kind": "\(message.kind)"])
            return true
        } catch {
            ServiceMetrics.mailFailures.increment()
            let attempts = message.attempts + 1
            let givingUp = attempts >= config.maxAttempts
            try await OutboxMessageModel.query(on: database.db)
                .filter(\.$id == id).filter(\.$claimToken == token)
                .set(\.$status, to: (givingUp ? OutboxMessageModel.Status.failed : .pending).rawValue)
                .set(\.$attempts, to: attempts)
                .set(\.$nextAttemptAt, to: now.addingTimeInterval(Self.backoff(afterAttempt: attempts)))
                .set(\.$lastError, to: String(describing: error).prefix(500).description)
                .set(\.$claimToken, to: nil)
                .set(\.$claimedUntil, to: nil)
                .update()
            logger.warning(
                givingUp ? "Mail failed for good" : "Mail will be retried",
                metadata: ["message": "\(id)", "attempt": "\(attempts)", "error": "\(String(reflecting: type(of: error)))"])
            return false
        }
    }

    /// 30 s, 1 min, 2 min, ... capped at 6 hours.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempt - 1))), 6 * 3600)
    }
}
