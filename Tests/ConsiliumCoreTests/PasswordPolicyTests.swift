import Testing

@testable import ConsiliumCore

@Suite("Password policy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy(commonPasswords: ["password1!", "Qwerty123!"])

    @Test("seven characters are too short, eight are enough")
    func lengthBoundary() {
        #expect(policy.failures(for: "ab1!efg") == [.tooShort])
        #expect(policy.failures(for: "ab1!efgh").isEmpty)
    }

    @Test("each missing kind of character is named")
    func missingKinds() {
        #expect(policy.failures(for: "abcdefg!") == [.noDigit])
        #expect(policy.failures(for: "abcdefg1") == [.noSpecial])
        #expect(policy.failures(for: "12345678!") == [.noLetter])
        #expect(policy.failures(for: "") == [.tooShort, .noLetter, .noDigit, .noSpecial])
    }

    @Test("a space and a non-Latin letter count as they should")
    func unicodeAndSpaces() {
        // a space is a special character
        #expect(policy.failures(for: "correct horse 9").isEmpty)
        // Greek and Cyrillic letters are letters, not special characters
        #expect(policy.failures(for: "αβγδεζη1") == [.noSpecial])
        #expect(policy.failures(for: "пароль12!").isEmpty)
    }

    @Test("at most 128 characters")
    func maximum() {
        let ok = String(repeating: "a", count: 126) + "1!"
        #expect(policy.failures(for: ok).isEmpty)
        #expect(policy.failures(for: ok + "x") == [.tooLong])
    }

    @Test("a common word decorated at its ends or spelt with look-alikes is still common (NIST SP 800-63B)")
    func decoratedCommon() {
        let listed = PasswordPolicy(commonPasswords: ["password", "monkey", "dragon", "iloveyou"])
        for typed in ["password1!", "Password2026!", "!Monkey123", "P@ssw0rd1", "dr@g0n!!1", "#1Loveyou#", "  monkey 99 "] {
            #expect(listed.failures(for: typed).contains(.common), "\(typed)")
        }
        for typed in ["Blue-sky 4 ever", "Correct horse 7!", "monkey-bread 12!", "Dragonfly 2026!"] {
            #expect(!listed.failures(for: typed).contains(.common), "\(typed)")
        }
    }

    @Test("common passwords are refused whatever their case")
    func common() {
        #expect(policy.failures(for: "PASSWORD1!") == [.common])
        #expect(policy.failures(for: "qwerty123!") == [.common])
    }

    @Test("the email's local part or a name inside the password is refused")
    func personalDetails() {
        #expect(policy.failures(for: "xMargaret-1", personalDetails: ["margaret"]) == [.containsPersonalDetail])
        #expect(policy.failures(for: "ellis.m#2024", personalDetails: ["m.ellis", "Ellis"]) == [.containsPersonalDetail])
        // one word of a name is enough
        #expect(policy.failures(for: "Margaret#2024", personalDetails: ["Margaret Ellis"]) == [.containsPersonalDetail])
        #expect(policy.failures(for: "ellis-Rocks-7", personalDetails: ["margaret.ellis"]) == [.containsPersonalDetail])
        // details shorter than three characters, and words shorter than four, are too common to refuse on
        #expect(policy.failures(for: "joker#2024", personalDetails: ["jo"]).isEmpty)
        #expect(policy.failures(for: "planning#2024", personalDetails: ["Ann Li"]).isEmpty)
    }

    @Test("every failure has a sentence for the person, in every language")
    func messages() throws {
        for language in Language.allCases {
            let catalog = try CatalogFilesTests.catalog(language)
            for failure in PasswordPolicy.Failure.allCases {
                #expect(try catalog.format(failure.message).hasSuffix("."), "\(failure) in \(language.tag)")
            }
        }
        let both = Message.joined([PasswordPolicy.Failure.noDigit.message, PasswordPolicy.Failure.common.message])
        #expect(both.english == "Include at least one number. This password is too common and easy to guess. Choose another.")
    }
}
