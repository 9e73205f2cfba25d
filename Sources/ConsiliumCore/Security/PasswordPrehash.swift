import Crypto
import Foundation

/// Bcrypt reads only the first 72 bytes of its input and stops at a NUL byte. Every password is
/// first reduced to a fixed 44-character SHA-256 digest in base64, so each of its characters
/// counts and none of its bytes is ignored. Passwords are normalised (NFKC) first, as NIST SP
/// 800-63B advises, so the same characters typed as precomposed (NFC) or decomposed (NFD)
/// Unicode, as different systems send them, are the same password.
public enum PasswordPrehash {
    /// The password as it is checked and hashed: Unicode NFKC.
    public static func normalised(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }

    /// The string that is actually given to Bcrypt for `password`.
    public static func bcryptInput(for password: String) -> String {
        let digest = SHA256.hash(data: Data(password.utf8))
        return Data(digest).base64EncodedString()
    }
}
