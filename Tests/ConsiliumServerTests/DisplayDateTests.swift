import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Dates in words")
struct DisplayDateTests {
    static func formatted(_ date: Date, _ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }

    @Test(
        "the same words a date formatter writes, in UTC",
        arguments: [0.0, -373_334_400, 951_782_399, 951_782_400, 1_798_761_599, 1_798_761_600])
    func words(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(DisplayDate.long(date) == Self.formatted(date, "MMMM d, yyyy"))
        #expect(DisplayDate.withTime(date) == Self.formatted(date, "MMMM d, yyyy 'at' HH:mm 'UTC'"))
    }

    @Test("examples")
    func examples() {
        #expect(DisplayDate.long(Date(timeIntervalSince1970: -373_334_400)) == "March 4, 1958")
        #expect(DisplayDate.withTime(Date(timeIntervalSince1970: 951_782_399)) == "February 28, 2000 at 23:59 UTC")
    }
}
