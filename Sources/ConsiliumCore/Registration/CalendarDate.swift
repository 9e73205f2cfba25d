import Foundation

/// A day without a time or time zone, as a date of birth is: "born on 29 February 2008".
public struct CalendarDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Why typed day, month and year do not make a date.
    public enum Problem: Error, Equatable, Sendable {
        case incomplete
        case notADate
    }

    /// A date from the three fields a person types; each may carry spaces or a leading zero.
    public init(day: String, month: String, year: String) throws(Problem) {
        let parts = [day, month, year].map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.allSatisfy({ !$0.isEmpty }) else { throw .incomplete }
        guard let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else { throw .notADate }
        try self.init(year: y, month: m, day: d)
    }

    public init(year: Int, month: Int, day: Int) throws(Problem) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year), year >= 1 else { throw .notADate }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The ISO 8601 form, `YYYY-MM-DD`, as stored.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Reads the stored `YYYY-MM-DD` form.
    public init?(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = try? CalendarDate(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        self = date
    }

    /// Today in the given time zone (a person's "today" is where they are; UTC by default).
    public static func today(_ now: Date = Date(), in zone: TimeZone = TimeZone(identifier: "UTC")!) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        // Calendar always yields a valid day.
        return (try? CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)) ?? CalendarDate(unchecked: 1970, 1, 1)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whole years from `self` (a birth date) to `date`. Someone born on 29 February has their
    /// birthday on 1 March in common years, as most U.S. jurisdictions count it.
    public func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        let birthdayMonth: Int
        let birthdayDay: Int
        if month == 2, day == 29, !Self.isLeap(date.year) {
            (birthdayMonth, birthdayDay) = (3, 1)
        } else {
            (birthdayMonth, birthdayDay) = (month, day)
        }
        if (date.month, date.day) < (birthdayMonth, birthdayDay) { years -= 1 }
        return years
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
