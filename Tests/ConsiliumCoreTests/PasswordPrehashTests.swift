import Testing

@testable import ConsiliumCore

@Suite("Bcrypt pre-hash")
struct PasswordPrehashTests {
    @Test("passwords that differ only after byte 72 give different Bcrypt inputs")
    func beyondSeventyTwoBytes() {
        let base = String(repeating: "a", count: 72)
        #expect(PasswordPrehash.bcryptInput(for: base + "1") != PasswordPrehash.bcryptInput(for: base + "2"))
        let hundred = String(repeating: "x", count: 99)
        #expect(PasswordPrehash.bcryptInput(for: hundred + "A") != PasswordPrehash.bcryptInput(for: hundred + "B"))
    }

    @Test("the input is 44 printable characters with no NUL, whatever the password")
    func fixedShape() {
        for password in ["", "short", String(repeating: "é", count: 100), "with\u{0}nul"] {
            let input = PasswordPrehash.bcryptInput(for: password)
            #expect(input.utf8.count == 44)
            #expect(!input.utf8.contains(0))
        }
        #expect(PasswordPrehash.bcryptInput(for: "a\u{0}b") != PasswordPrehash.bcryptInput(for: "a\u{0}c"))
    }
}
