import ConsiliumCore
import Hummingbird

/// Administration pages exist only for administrators: anyone else gets the same 404 as for a
/// page that does not exist.
enum AdminOnly {
    @discardableResult
    static func require(_ identity: SignedInUser) throws -> SignedInUser {
        guard identity.role == .administrator else { throw HTTPError(.notFound) }
        return identity
    }
}
