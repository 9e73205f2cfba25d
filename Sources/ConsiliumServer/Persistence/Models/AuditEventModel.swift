import ConsiliumCore
import FluentKit
import Foundation

/// One audit event: who did what to which object (and whose health information), when, from where, with what outcome.
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    // managed fields
    @ID(key: .id) var id: UUID?
    /// Written for people querying the table by hand; the chain does not cover it, so nothing
    /// the service shows or exports reads it (see `occurredDate`).
    @Field(key: "occurred_at") var occurredAt: Date

    // reference fields (plain ids: the log outlives what it mentions)
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    @OptionalField(key: "actor_role") var actorRole: String?
    @OptionalField(key: "patient_id") var patientID: UUID?

    // data fields
    @Field(key: "action") var action: String
    @OptionalField(key: "object_type") var objectType: String?
    @OptionalField(key: "object_id") var objectID: String?
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "client_address") var clientAddress: String?
    @OptionalField(key: "user_agent") var userAgent: String?
    /// Non-identifying detail such as a reason code; never health information.
    @OptionalField(key: "detail") var detail: String?

    // chain fields (see `AuditChain`)
    /// 1, 2, 3…: the order of the chain; unique.
    @Field(key: "sequence") var sequence: Int64
    /// `occurredAt` in whole microseconds, the value the hash covers.
    @Field(key: "occurred_micros") var occurredMicros: Int64
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    /// When it happened, as the chain covers it: every page and export shows this time.
    var occurredDate: Date { Date(timeIntervalSince1970: Double(occurredMicros) / 1_000_000) }

    /// The event as the chain sees it.
    var chainEntry: AuditChain.Entry {
        AuditChain.Entry(
            sequence: sequence, occurredMicros: occurredMicros, actorUserID: actorUserID?.uuidString, actorRole: actorRole,
            action: action, objectType: objectType, objectID: objectID, patientID: patientID?.uuidString, outcome: outcome,
            clientAddress: clientAddress, userAgent: userAgent, detail: detail, previousHash: previousHash, hash: hash)
    }
}
