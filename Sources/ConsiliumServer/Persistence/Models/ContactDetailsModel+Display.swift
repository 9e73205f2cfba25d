import ConsiliumCore

extension ContactDetailsModel {
    /// The telephone number as people write it.
    var phoneDisplay: String { PhoneNumber(stored: phone).display }

    /// The best time to call, to follow a number after a comma ("best mornings, 8 am to noon"),
    /// in `wording`'s language; nil for no preference.
    func preferredTimePhrase(_ wording: Wording) -> String? {
        ContactRules.preferredTimes.contains(preferredContactTime) && !preferredContactTime.isEmpty
            ? wording("contact-time-phrase-\(preferredContactTime)") : nil
    }

    /// Town, region and postal code on one line.
    var cityLine: String { "\(city), \(region) \(postalCode)" }
}
