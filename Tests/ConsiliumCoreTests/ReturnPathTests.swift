import Testing

@testable import ConsiliumCore

@Suite("Where sign-in may return to")
struct ReturnPathTests {
    /// Values that a browser could take to another site, or that are not a path on this one.
    static let hostile: [String] = [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/%2Fevil.example",
        "/%2fevil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%00/evil.example",
        "/%252F%252Fevil.example",
        "/%25252F/evil.example",
        "https://evil.example/account",
        "http:/evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/\u{FF0F}evil.example",  // fullwidth solidus
        "/\u{2215}evil.example",  // division slash
        "/\u{2044}evil.example",  // fraction slash
        "/%EF%BC%8Fevil.example",  // fullwidth solidus, percent-encoded
        "/\u{200B}/evil.example",  // zero-width space
        "/ /evil.example",
        "/%20/evil.example",
        "/\u{7F}/evil.example",
        "/account%",
        "",
    ]

    @Test("each hostile value is refused, and sign-in falls back to the account page", arguments: hostile)
    func refused(_ value: String) {
        #expect(ReturnPath(value) == nil)
        #expect(ReturnPath.resolve(value) == "/account")
    }

    @Test("plain paths on this site are kept as they are")
    func kept() {
        for path in ["/account", "/cases/0A1B/records", "/staff/cases?state=submitted&after=12", "/admin/audit?q=Ellis%20M", "/"] {
            #expect(ReturnPath(path)?.value == path)
        }
    }
}
