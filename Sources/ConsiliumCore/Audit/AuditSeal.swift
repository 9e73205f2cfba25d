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
    let key: SymmetricKey

    /// The seal key belonging to a master key.
    public init(masterKeyID: String, masterKey: SymmetricKey) {
        id = masterKeyID
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("consilium-audit-seal-v1".utf8), outputByteCount: 32)
    }

    /// The seal (hex) of the event numbered `sequence` whose chain hash is `hash`.
    public func seal(sequence: Int64, hash: String) -> String {
        let message = Data("consilium-audit-seal-v1|\(sequence)|\(hash)".utf8)
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }

    /// Whether `mac` is this key's seal of the event, compared in constant time.
    public func verifies(_ mac: String, sequence: Int64, hash: String) -> Bool {
        SecureToken.constantTimeEquals(seal(sequence: sequence, hash: hash), mac)
    }
}
