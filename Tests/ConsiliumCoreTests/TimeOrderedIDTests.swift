import Foundation
import Testing

@testable import ConsiliumCore

@Suite("Time-ordered ids")
struct TimeOrderedIDTests {
    /// Always the same "random" bits, so a test can see what the time alone does.
    struct Fixed: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    @Test("an id carries its milliseconds, version 7 and the RFC 9562 variant")
    func layout() {
        var random = Fixed(value: .max)
        let id = TimeOrderedID.make(milliseconds: 1_795_800_992_718, using: &random)
        #expect(TimeOrderedID.milliseconds(of: id) == 1_795_800_992_718)
        let text = id.uuidString
        #expect(text.hasPrefix("01A21E14-8BCE-7"))
        #expect(["8", "9", "A", "B"].contains(text[text.index(text.startIndex, offsetBy: 19)]))
        var zeros = Fixed(value: 0)
        #expect(TimeOrderedID.make(milliseconds: 0, using: &zeros).uuidString == "00000000-0000-7000-8000-000000000000")
    }

    @Test("a later millisecond sorts after an earlier one, as text too, whatever the random bits")
    func order() {
        var high = Fixed(value: .max)
        var low = Fixed(value: 0)
        let earlier = TimeOrderedID.make(milliseconds: 1_800_000_000_000, using: &high)
        let later = TimeOrderedID.make(milliseconds: 1_800_000_000_001, using: &low)
        #expect(earlier.uuidString < later.uuidString)
        let now = Date()
        let ids = (0..<200).map { TimeOrderedID.make(at: now.addingTimeInterval(Double($0) / 100)) }
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(Set(ids).count == ids.count)
    }

    @Test("ids made in one millisecond differ in their random bits")
    func unique() {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let ids = Set((0..<1000).map { _ in TimeOrderedID.make(at: date) })
        #expect(ids.count == 1000)
        #expect(ids.allSatisfy { TimeOrderedID.milliseconds(of: $0) == 1_800_000_000_000 })
    }
}
