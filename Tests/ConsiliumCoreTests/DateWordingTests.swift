import ConsiliumCore
import Foundation
import Testing

@Suite("Dates and times in words")
struct DateWordingTests {
    let newYork = DateWording(zone: TimeZone(identifier: "America/New_York")!)

    @Test("a day is written day, month in words, year: never 3/14/1958")
    func days() throws {
        #expect(DateWording.day(try CalendarDate(year: 1958, month: 3, day: 14)) == "14 March 1958")
        #expect(DateWording.day(try CalendarDate(year: 2008, month: 2, day: 29)) == "29 February 2008")
    }

    @Test("times are in the institution's zone, with standard and daylight time named")
    func times() {
        // 2 March 2026 14:05 UTC: standard time, UTC−5
        #expect(newYork.time(Date(timeIntervalSince1970: 1_772_460_300)) == "2 March 2026, 9:05 AM EST")
        // 1 July 2026 16:30 UTC: daylight time, UTC−4
        #expect(newYork.time(Date(timeIntervalSince1970: 1_782_923_400)) == "1 July 2026, 12:30 PM EDT")
        // 28 November 2026 03:10 UTC is still the 27th in New York
        #expect(newYork.time(Date(timeIntervalSince1970: 1_795_835_400)) == "27 November 2026, 10:10 PM EST")
        #expect(newYork.day(Date(timeIntervalSince1970: 1_795_835_400)) == "27 November 2026")
    }

    @Test("in Spanish: day, month and year joined by de, month names from CLDR, a. m. and p. m.")
    func spanish() throws {
        #expect(DateWording.day(try CalendarDate(year: 1958, month: 3, day: 14), in: .spanish) == "14 de marzo de 1958")
        #expect(newYork.time(Date(timeIntervalSince1970: 1_772_460_300), in: .spanish) == "2 de marzo de 2026, 9:05 a. m. EST")
        #expect(newYork.time(Date(timeIntervalSince1970: 1_782_923_400), in: .spanish) == "1 de julio de 2026, 12:30 p. m. EDT")
        #expect(newYork.day(Date(timeIntervalSince1970: 1_795_835_400), in: .spanish) == "27 de noviembre de 2026")
    }

    @Test("the clock changes on the second Sunday of March at 2 AM")
    func daylightSavingStarts() {
        // 8 March 2026: 06:59 UTC is 1:59 AM EST; a minute later it is 3:00 AM EDT
        #expect(newYork.time(Date(timeIntervalSince1970: 1_772_953_140)) == "8 March 2026, 1:59 AM EST")
        #expect(newYork.time(Date(timeIntervalSince1970: 1_772_953_200)) == "8 March 2026, 3:00 AM EDT")
    }

    @Test("midnight and noon on a 12-hour clock")
    func twelveHourClock() {
        let utc = DateWording(zone: .gmt)
        #expect(utc.time(Date(timeIntervalSince1970: 0)).hasPrefix("1 January 1970, 12:00 AM"))
        #expect(utc.time(Date(timeIntervalSince1970: 43_200)).hasPrefix("1 January 1970, 12:00 PM"))
    }

    @Test("only IANA zone names are accepted")
    func zoneNames() {
        #expect(DateWording(zoneNamed: "America/Chicago")?.zone.identifier == "America/Chicago")
        #expect(DateWording(zoneNamed: "Eastern") == nil)
        #expect(DateWording(zoneNamed: "") == nil)
    }
}
