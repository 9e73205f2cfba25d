import ConsiliumCore

extension ContactDetailsModel {
    /// The telephone number as people write it.
    var phoneDisplay: String { PhoneNumber(stored: phone).display }

    /// The best time to call, to follow a number after a comma ("mornings, 8 am to noon");
    /// nil for no preference.
    var preferredTimePhrase: String? {
        switch preferredContactTime {
        case "morning": "mornings, 8 am to noon"
        case "afternoon": "afternoons, noon to 5 pm"
        case "evening": "evenings, 5 pm to 8 pm"
        default: nil
        }
    }

    /// Town, region and postal code on one line.
    var cityLine: String { "\(city), \(region) \(postalCode)" }
}
