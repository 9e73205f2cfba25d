import Foundation
import Testing

@testable import ConsiliumCore

@Suite("One-time codes: window and replay guard")
struct OneTimeCodeTests {
    /// A stand-in code function: the step's last six digits, so each step's code is known.
    let compute: (Int64) -> Int = { Int($0 % 1_000_000) }
    let now = Date(timeIntervalSince1970: 1_800_000_015)  // step 60_000_000, 15 s in
    var step: Int64 { OneTimeCode.step(at: now) }

    func code(_ step: Int64) -> String { String(format: "%06d", step % 1_000_000) }

    @Test("the current step and one either side are accepted; two away is not")
    func window() {
        #expect(step == 60_000_000)
        for offset in [-1, 0, 1] as [Int64] {
            #expect(OneTimeCode.check(code(step + offset), at: now, lastUsedStep: nil, compute: compute) == .accepted(step: step + offset))
        }
        #expect(OneTimeCode.check(code(step - 2), at: now, lastUsedStep: nil, compute: compute) == .wrong)
        #expect(OneTimeCode.check(code(step + 2), at: now, lastUsedStep: nil, compute: compute) == .wrong)
    }

    @Test("a code from a step already used, or an earlier one, is a replay")
    func replay() {
        #expect(OneTimeCode.check(code(step), at: now, lastUsedStep: step, compute: compute) == .replayed)
        #expect(OneTimeCode.check(code(step - 1), at: now, lastUsedStep: step, compute: compute) == .replayed)
        #expect(OneTimeCode.check(code(step + 1), at: now, lastUsedStep: step, compute: compute) == .accepted(step: step + 1))
    }

    @Test("spaces and hyphens are forgiven; anything but six digits is wrong")
    func typing() {
        let typed = code(step)
        let spaced = String(typed.prefix(3)) + " " + String(typed.suffix(3))
        #expect(OneTimeCode.check(spaced, at: now, lastUsedStep: nil, compute: compute) == .accepted(step: step))
        #expect(OneTimeCode.normalized("123-456") == "123456")
        #expect(OneTimeCode.normalized("12345") == nil)
        #expect(OneTimeCode.normalized("12345a") == nil)
        #expect(OneTimeCode.normalized("١٢٣٤٥٦") == nil, "only ASCII digits")
    }
}

@Suite("Recovery codes and base32")
struct RecoveryCodeTests {
    @Test("ten distinct codes of four groups of four, each normalising to 16 characters")
    func generate() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        for code in codes {
            #expect(code.split(separator: "-").map(\.count) == [4, 4, 4, 4])
            #expect(RecoveryCodes.normalized(code)?.count == 16)
        }
    }

    @Test("typed codes forgive case, spaces and look-alike letters; hashes differ from the code")
    func normalise() {
        #expect(RecoveryCodes.normalized(" ABCD-EFGH-0000-1111 ") == "abcdefgh00001111")
        #expect(RecoveryCodes.normalized("abcd efgh OOOO IlIl") == "abcdefgh00001111")
        #expect(RecoveryCodes.normalized("abcd-efgh-0000-111") == nil)
        #expect(RecoveryCodes.normalized("abcd-efgh-0000-111u") == nil)
        let hash = RecoveryCodes.hash("abcdefgh00001111")
        #expect(hash.count == 64 && !hash.contains("abcdefgh"))
    }

    @Test("base32 matches RFC 4648's test vectors (without padding)")
    func base32() {
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors { #expect(Base32.encode(Array(plain.utf8)) == encoded) }
        #expect(Base32.grouped("MZXW6YTBOI") == "MZXW 6YTB OI")
    }
}
