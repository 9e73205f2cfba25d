import Foundation

/// Dates and times as people read them. One written form everywhere, which no reader can take
/// for another date: "14 March 1958" (never "3/14/1958", which half the world reads as the
/// 3rd of the 14th month). Times are stored in UTC and shown in the institution's time zone
/// with the zone's abbreviation, daylight saving time included: "2 March 2026, 9:05 AM EST".
///
/// Written from calendar fields: a `DateFormatter` costs more to make than a case page to
/// render, and one shared would have to be locked. The abbreviations alone come from a
/// formatter, once, when the wording is made.
public struct DateWording: Sendable {
    public let zone: TimeZone
    private let calendar: Calendar
    private let standardName: String
    private let daylightName: String

    public init(zone: TimeZone) {
        self.zone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US")
        formatter.timeZone = zone
        formatter.dateFormat = "zzz"
        // A moment of standard time and one of daylight time, from this year's months.
        let now = Date()
        let months = (0..<12).map { now.addingTimeInterval(Double($0) * 30.5 * 86_400) }
        let standard = months.first { !zone.isDaylightSavingTime(for: $0) } ?? now
        let daylight = months.first { zone.isDaylightSavingTime(for: $0) }
        standardName = formatter.string(from: standard)
        daylightName = daylight.map { formatter.string(from: $0) } ?? standardName
    }

    /// Reads an IANA zone name ("America/New_York"); nil for a name the system does not know.
    public init?(zoneNamed name: String) {
        guard TimeZone.knownTimeZoneIdentifiers.contains(name), let zone = TimeZone(identifier: name) else { return nil }
        self.init(zone: zone)
    }

    /// "14 March 1958": the day on which `date` falls in the institution's zone. In Spanish,
    /// "14 de marzo de 1958".
    public func day(_ date: Date, in language: Language = .english) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Self.day(parts.day ?? 1, parts.month, parts.year ?? 1970, in: language)
    }

    /// "14 March 1958": a day without a time, such as a date of birth.
    public static func day(_ date: CalendarDate, in language: Language = .english) -> String {
        day(date.day, date.month, date.year, in: language)
    }

    private static func day(_ day: Int, _ month: Int?, _ year: Int, in language: Language) -> String {
        switch language {
        case .english: "\(day) \(monthName(month)) \(year)"
        case .spanish: "\(day) de \(monthName(month, in: .spanish)) de \(year)"
        }
    }

    /// "2 March 2026, 9:05 AM EST"; in Spanish "2 de marzo de 2026, 9:05 a. m. EST" (the zone's
    /// abbreviation is the one people in the United States read in either language).
    public func time(_ date: Date, in language: Language = .english) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let marker =
            switch language {
            case .english: hour < 12 ? "AM" : "PM"
            case .spanish: hour < 12 ? "a. m." : "p. m."
            }
        let clock = "\(hour % 12 == 0 ? 12 : hour % 12):\(minute < 10 ? "0" : "")\(minute) \(marker)"
        return "\(day(date, in: language)), \(clock) \(zoneName(at: date))"
    }

    /// The zone's abbreviation at `date`: "EST" in winter, "EDT" in summer in New York.
    public func zoneName(at date: Date) -> String {
        zone.isDaylightSavingTime(for: date) ? daylightName : standardName
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Month names in each language, from CLDR (Foundation's locale data), as they stand inside
    /// a date: "marzo" in "14 de marzo de 1958".
    private static let localMonths: [Language: [String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in
            var calendar = Calendar(identifier: .gregorian)
            calendar.locale = language.locale
            return (language, calendar.monthSymbols)
        })

    static func monthName(_ month: Int?, in language: Language = .english) -> String {
        let index = min(max((month ?? 1) - 1, 0), 11)
        return language == .english ? months[index] : (localMonths[language]?[index] ?? months[index])
    }
}
