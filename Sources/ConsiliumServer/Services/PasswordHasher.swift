import ConsiliumCore
import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks passwords with Bcrypt, off the event loop, after NFKC normalisation and the
/// SHA-256 pre-hash that makes every character count (Bcrypt alone reads only 72 bytes).
/// Hashes made this way are stored with the `nfkc$` prefix; an older hash (of the password as
/// typed) still verifies as before, and `needsRehash` tells sign-in to replace it.
struct PasswordHasher: Sendable {
    static let normalisedPrefix = "nfkc$"

    let cost: UInt8
    /// A hash of a random password at this cost, checked when there is no account so that the
    /// answer takes as long as a real check and does not tell whether an email is registered.
    let dummyHash: String

    /// Makes a hasher, computing its dummy hash on the thread pool.
    static func make(cost: Int) async throws -> PasswordHasher {
        // AppConfig bounds the cost to 4...16; Bcrypt itself accepts only 4...31.
        let cost = UInt8(clamping: min(max(cost, 4), 31))
        let dummy = try await NIOThreadPool.singleton.runIfActive {
            Self.normalisedPrefix + Bcrypt.hash(PasswordPrehash.bcryptInput(for: SecureToken.generate()), cost: cost)
        }
        return PasswordHasher(cost: cost, dummyHash: dummy)
    }

    func hash(_ password: String) async throws -> String {
        let input = PasswordPrehash.bcryptInput(for: PasswordPrehash.normalised(password))
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Self.normalisedPrefix + Bcrypt.hash(input, cost: cost) }
    }

    func verify(_ password: String, against stored: String) async throws -> Bool {
        let normalised = stored.hasPrefix(Self.normalisedPrefix)
        let input = PasswordPrehash.bcryptInput(for: normalised ? PasswordPrehash.normalised(password) : password)
        let hash = normalised ? String(stored.dropFirst(Self.normalisedPrefix.count)) : stored
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    /// Whether `stored` was made before passwords were normalised, and should be made again
    /// from the password just verified.
    func needsRehash(_ stored: String) -> Bool {
        !stored.hasPrefix(Self.normalisedPrefix)
    }

    func verifyAgainstDummy(_ password: String) async throws {
        _ = try await verify(password, against: dummyHash)
    }
}
