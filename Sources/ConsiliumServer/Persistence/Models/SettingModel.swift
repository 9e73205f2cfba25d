import FluentKit
import Foundation

/// One administrator-edited setting, stored as JSON under a unique key.
final class SettingModel: Model, @unchecked Sendable {
    static let schema = "settings"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // reference fields
    @OptionalField(key: "updated_by") var updatedBy: UUID?

    // data fields
    @Field(key: "key") var key: String
    @Field(key: "value") var value: String

    init() {}
}
