import FluentKit
import Foundation

/// A message waiting to be sent, or sent. Written in the same transaction as the event that causes it.
final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    /// Where a message is in its delivery.
    enum Status: String, Codable, Sendable {
        case pending, sent, failed
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body_text") var bodyText: String
    /// What kind of notice this is ("verify_email", "password_reset", ...), for the development mailbox and metrics.
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    /// A worker's claim on the message; another worker may take it only after the claim lapses.
    @OptionalField(key: "claim_token") var claimToken: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(recipient: String, subject: String, bodyText: String, kind: String, now: Date) {
        self.recipient = recipient
        self.subject = subject
        self.bodyText = bodyText
        self.kind = kind
        self.status = Status.pending.rawValue
        self.attempts = 0
        self.nextAttemptAt = now
    }
}
