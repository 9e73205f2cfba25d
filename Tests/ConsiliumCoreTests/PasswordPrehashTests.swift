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

    @Test("precomposed and decomposed spellings of the same characters normalise alike (NFKC)")
    func normalised() {
        let precomposed = "\u{00C5}ngstr\u{00F6}m-2024"  // Å and ö as single code points (NFC)
        let decomposed = "A\u{030A}ngstro\u{0308}m-2024"  // A + ring, o + diaeresis (NFD)
        #expect(precomposed.unicodeScalars.count != decomposed.unicodeScalars.count)
        #expect(PasswordPrehash.normalised(precomposed) == PasswordPrehash.normalised(decomposed))
        #expect(
            PasswordPrehash.bcryptInput(for: PasswordPrehash.normalised(precomposed))
                == PasswordPrehash.bcryptInput(for: PasswordPrehash.normalised(decomposed)))
        // compatibility forms fold too: the ligature ﬁ is f + i
        #expect(PasswordPrehash.normalised("\u{FB01}sh-42!") == "fish-42!")
    }
}

@Suite("Password length in code points")
struct PasswordLengthTests {
    @Test("a password of emoji sequences counts its code points, not its graphemes")
    func emoji() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"  // one grapheme, seven code points
        let password = family + family + "a1"
        #expect(password.count == 4)
        #expect(!PasswordPolicy().failures(for: password).contains(.tooShort))
        #expect(PasswordPolicy().failures(for: "ab1!").contains(.tooShort))
    }

    @Test("the rule is checked on the normalised password")
    func checkedNormalised() {
        let policy = PasswordPolicy(commonPasswords: ["password1!"])
        // fullwidth letters fold to ASCII under NFKC, and so meet the blocklist
        #expect(policy.failures(for: "\u{FF50}assword1!").contains(.common))
    }
}
