import ConsiliumCore
import Foundation
import Synchronization

/// Dates as pages and mail show them, in the institution's time zone (`CONSILIUM_TIME_ZONE`,
/// set once when the service starts; see `DateWording` for the forms).
enum DisplayDate {
    private static let wording = Mutex(DateWording(zone: TimeZone(identifier: AppConfig.defaultTimeZone) ?? .gmt))

    /// Sets the zone every page shows times in; called once, before the service answers.
    static func use(_ newWording: DateWording) {
        wording.withLock { $0 = newWording }
    }

    static var current: DateWording { wording.withLock { $0 } }

    /// "14 March 1958"; "14 de marzo de 1958".
    static func long(_ date: Date, in language: Language = .english) -> String { current.day(date, in: language) }

    /// "14 March 1958", for a day without a time such as a date of birth.
    static func long(_ date: CalendarDate, in language: Language = .english) -> String { DateWording.day(date, in: language) }

    /// "14 March 2026, 9:05 AM EDT"; "14 de marzo de 2026, 9:05 a. m. EDT".
    static func withTime(_ date: Date, in language: Language = .english) -> String { current.time(date, in: language) }
}
