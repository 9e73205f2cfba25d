import FluentKit
import Foundation

/// The keyed seal of one audit event (see `AuditSealKey`), kept beside the event: the event's
/// sequence, the id of the master key the seal key came from, and the HMAC.
final class AuditSealModel: Model, @unchecked Sendable {
    static let schema = "audit_seals"

    // managed fields
    @ID(custom: "sequence", generatedBy: .user) var id: Int64?

    // data fields
    @Field(key: "key_id") var keyID: String
    @Field(key: "mac") var mac: String

    init() {}

    init(sequence: Int64, keyID: String, mac: String) {
        self.id = sequence
        self.keyID = keyID
        self.mac = mac
    }
}
