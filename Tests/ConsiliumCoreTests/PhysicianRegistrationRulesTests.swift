import Testing

@testable import ConsiliumCore

@Suite("A treating physician's registration form")
struct PhysicianRegistrationRulesTests {
    static func filled() -> PhysicianRegistrationRules.Input {
        var input = PhysicianRegistrationRules.Input()
        input.firstName = " Samuel "
        input.lastName = "Reyes"
        input.npi = "1234-567-893"
        input.licenceState = "ma"
        input.licenceNumber = "MD-12345"
        input.specialty = "Internal medicine"
        input.practiceName = "Harbor Family Practice"
        input.addressLine1 = "12 Pier Road"
        input.city = "Boston"
        input.state = "MA"
        input.postalCode = "021142696"
        input.phone = "(617) 555-0123"
        return input
    }

    @Test("a complete form comes back clean: names trimmed, state codes upper case, ZIP+4 with its dash")
    func complete() throws {
        let (checked, errors) = PhysicianRegistrationRules.check(Self.filled())
        #expect(errors.isEmpty)
        let clean = try #require(checked)
        #expect(clean.firstName == "Samuel")
        #expect(clean.npi.value == "1234567893")
        #expect(clean.licenceState == "MA")
        #expect(clean.postalCode == "02114-2696")
        #expect(clean.phone.e164 == "+16175550123")
    }

    @Test("an empty form names every required field, in the physician's words, and the optional line is not one of them")
    func empty() {
        let (checked, errors) = PhysicianRegistrationRules.check(.init())
        #expect(checked == nil)
        #expect(
            Set(errors.keys) == [
                "firstName", "lastName", "npi", "licenceState", "licenceNumber", "specialty", "practiceName", "addressLine1", "city",
                "state",
                "postalCode", "phone",
            ])
        #expect(errors["npi"]?.english == "Enter your 10-digit NPI.")
        #expect(errors["city"]?.english == "Enter the practice's town or city.")
        #expect(errors["licenceState"]?.english == "Select the state that issued your license.")
    }

    @Test("an NPI's length and check digit are told apart, and a long field gets its limit")
    func details() {
        var input = Self.filled()
        input.npi = "123456789"
        #expect(PhysicianRegistrationRules.check(input).1["npi"]?.english == "An NPI has exactly 10 digits.")
        input.npi = "1234567890"
        #expect(PhysicianRegistrationRules.check(input).1["npi"]?.id == "physician-error-npi-check-digit")
        input = Self.filled()
        input.licenceNumber = String(repeating: "9", count: 31)
        input.firstName = "Sam1"
        let errors = PhysicianRegistrationRules.check(input).1
        #expect(errors["licenceNumber"]?.english == "Shorten this to 30 characters.")
        #expect(errors["firstName"]?.english == "Use only letters, spaces, hyphens and apostrophes in your first name.")
    }
}
