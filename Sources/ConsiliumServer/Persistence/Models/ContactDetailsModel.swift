import ConsiliumCore
import FluentKit
import Foundation

/// How to reach an account holder by post and telephone.
final class ContactDetailsModel: Model, @unchecked Sendable {
    static let schema = "contact_details"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // reference fields
    @Parent(key: "user_id") var user: UserModel

    // data fields
    @Field(key: "address_line1") var addressLine1: String
    @Field(key: "address_line2") var addressLine2: String
    @Field(key: "city") var city: String
    @Field(key: "region") var region: String
    @Field(key: "postal_code") var postalCode: String
    @Field(key: "country") var country: String
    /// E.164, e.g. +16175550123.
    @Field(key: "phone") var phone: String
    @Field(key: "preferred_contact_time") var preferredContactTime: String

    init() {}

    /// Sets every field from checked contact details.
    func apply(_ contact: ContactRules.Checked) {
        addressLine1 = contact.addressLine1
        addressLine2 = contact.addressLine2
        city = contact.city
        region = contact.region
        postalCode = contact.postalCode
        country = contact.country
        phone = contact.phone.e164
        preferredContactTime = contact.preferredContactTime
    }
}
