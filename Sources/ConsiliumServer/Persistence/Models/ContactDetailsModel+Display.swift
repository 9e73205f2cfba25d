import ConsiliumCore

extension ContactDetailsModel {
    /// The telephone number as people write it.
    var phoneDisplay: String { PhoneNumber(stored: phone).display }

    /// The best time to call in words ("Mornings (8 am to noon)"); nil for no preference.
    var preferredTimePhrase: String? {
        ContactStepPage.contactTimes.first { $0.0 == preferredContactTime && !$0.0.isEmpty }?.1
    }

    /// Town, region and postal code on one line.
    var cityLine: String { "\(city), \(region) \(postalCode)" }
}
