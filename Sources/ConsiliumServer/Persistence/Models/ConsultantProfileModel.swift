import FluentKit
import Foundation

/// An affiliated specialist's specialty, which decides the cases they may be assigned.
final class ConsultantProfileModel: Model, @unchecked Sendable {
    static let schema = "consultant_profiles"

    // managed fields
    @ID(key: .id) var id: UUID?

    // reference fields
    @Parent(key: "user_id") var user: UserModel

    // data fields
    @Field(key: "specialty") var specialty: String

    init() {}
}
