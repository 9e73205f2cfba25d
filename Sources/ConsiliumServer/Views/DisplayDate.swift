import Foundation

/// Dates as pages show them, in words, in UTC (the service's clock). Written from calendar
/// fields rather than a `DateFormatter`, whose creation cost more than rendering the rest of
/// a case page.
enum DisplayDate {
    /// "March 14, 1958".
    static func long(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(monthName(parts.month)) \(parts.day ?? 1), \(parts.year ?? 1970)"
    }

    /// "March 14, 1958 at 09:05 UTC".
    static func withTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return
            "\(monthName(parts.month)) \(parts.day ?? 1), \(parts.year ?? 1970) at \(twoDigits(parts.hour)):\(twoDigits(parts.minute)) UTC"
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static func monthName(_ month: Int?) -> String {
        months[min(max((month ?? 1) - 1, 0), 11)]
    }

    private static func twoDigits(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }
}
