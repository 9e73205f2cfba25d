import Crypto
import Foundation

/// A keyed seal on each audit event: HMAC-SHA256 over its sequence and chain hash, under a key
/// derived from the master key, which never enters the database. Someone who can write to the
/// database can recompute the SHA-256 chain after rewriting its tail, but cannot seal the
/// rewritten events; cutting events from the end is caught by comparing the head with one the
/// operator kept (`consilium audit verify --expect-head`).
public struct AuditSealKey: Sendable {
    /// The master key's id: seals stay checkable after the master key rotates.
    public let id: String
    /// HMAC keyed once: each seal starts from a copy (keying hashes two blocks every time).
    private let keyed: HMAC<SHA256>

    /// The seal key belonging to a master key.
    public init(masterKeyID: String, masterKey: SymmetricKey) {
        id = masterKeyID
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("consilium-audit-seal-v1".utf8), outputByteCount: 32)
        keyed = HMAC<SHA256>(key: key)
    }

    /// The seal (hex) of the event numbered `sequence` whose chain hash is `hash`: the HMAC of
    /// "consilium-audit-seal-v1|sequence|hash".
    public func seal(sequence: Int64, hash: String) -> String {
        var mac = keyed
        var message = "consilium-audit-seal-v1|\(sequence)|\(hash)"
        message.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return Hex.encode(mac.finalize())
    }

    /// Whether `mac` is this key's seal of the event, compared in constant time.
    public func verifies(_ mac: String, sequence: Int64, hash: String) -> Bool {
        SecureToken.constantTimeEquals(seal(sequence: sequence, hash: hash), mac)
    }
}
