import Crypto
import Foundation

/// Bcrypt reads only the first 72 bytes of its input and stops at a NUL byte. Every password is
/// first reduced to a fixed 44-character SHA-256 digest in base64, so each of its characters
/// counts and none of its bytes is ignored.
public enum PasswordPrehash {
    /// The string that is actually given to Bcrypt for `password`.
    public static func bcryptInput(for password: String) -> String {
        let digest = SHA256.hash(data: Data(password.utf8))
        return Data(digest).base64EncodedString()
    }
}
