import ConsiliumCore
import Crypto
import Foundation

/// Seals small secrets kept in the database (two-factor keys) under a key derived from the
/// records' master key, so a copy of the database alone does not reveal them. Older master
/// keys still open what they sealed; new seals use the current one.
struct SecretBox: Sendable {
    let current: EncryptedFileFormat.MasterKey
    let previous: [EncryptedFileFormat.MasterKey]

    /// "v1:<key id>:<base64 of AES-GCM nonce, ciphertext and tag>".
    func seal(_ secret: String, purpose: String) throws -> String {
        let box = try AES.GCM.seal(Data(secret.utf8), using: derived(current, purpose), authenticating: Data(purpose.utf8))
        guard let combined = box.combined else { throw SealError() }
        return "v1:\(current.id):\(combined.base64EncodedString())"
    }

    func open(_ sealed: String, purpose: String) throws -> String {
        let parts = sealed.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "v1", let data = Data(base64Encoded: parts[2]),
            let key = ([current] + previous).first(where: { $0.id == parts[1] })
        else { throw SealError() }
        let opened = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: derived(key, purpose), authenticating: Data(purpose.utf8))
        return String(decoding: opened, as: UTF8.self)
    }

    private func derived(_ master: EncryptedFileFormat.MasterKey, _ purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: master.key, info: Data("consilium-secret-box:\(purpose)".utf8), outputByteCount: 32)
    }

    struct SealError: Error {}
}
