import FluentKit
import Foundation

/// Puts messages in the outbox. Pass the handle of the transaction that makes the change the
/// message announces: both commit, or neither does.
struct Outbox: Sendable {
    func enqueue(_ message: MailMessage, in db: any Database, now: Date = Date()) async throws {
        let row = OutboxMessageModel(
            recipient: message.to, subject: message.subject, bodyText: message.body, kind: message.kind.rawValue, now: now)
        try await row.create(on: db)
    }
}
