import Testing

@testable import ConsiliumCore

@Suite("Email addresses")
struct EmailAddressTests {
    @Test("case, surrounding space and compatibility forms normalise to one address")
    func normalisation() throws {
        let plain = try EmailAddress("margaret.ellis@example.org")
        #expect(try EmailAddress("  Margaret.Ellis@EXAMPLE.org \n") == plain)
        // full-width letters (as typed on some East Asian keyboards) fold to ASCII
        #expect(try EmailAddress("ｍargaret.ellis@example.org") == plain)
        #expect(plain.localPart == "margaret.ellis")
    }

    @Test(
        "malformed addresses are refused",
        arguments: [
            "", "   ", "margaret", "@example.org", "margaret@", "margaret@example", "a b@example.org", "a@b@example.org",
            "margaret@.example.org", "margaret@example..org", "<m>@example.org", "m@exa_mple.org",
        ])
    func malformed(_ raw: String) {
        #expect(throws: EmailAddress.Problem.self) { try EmailAddress(raw) }
    }

    @Test("an empty address is named as empty, an overlong one as too long")
    func specificProblems() {
        #expect(throws: EmailAddress.Problem.empty) { try EmailAddress(" ") }
        #expect(throws: EmailAddress.Problem.tooLong) { try EmailAddress(String(repeating: "a", count: 250) + "@example.org") }
    }
}
