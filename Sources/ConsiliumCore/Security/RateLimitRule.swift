import Foundation

/// A limit of so many attempts in any stretch of one window's length, e.g. ten sign-ins per
/// account in any 15 minutes.
///
/// Attempts are counted per fixed window (one stored counter each), and the limit is applied to
/// a sliding window estimated from two of them: every attempt of the current window, plus the
/// previous window's attempts weighted by how much of that window still lies within one
/// window's length of now. Fixed windows alone let twice the limit through around a boundary
/// (ten attempts at 9:14:59, ten more at 9:15:00); the estimate does not.
public struct RateLimitRule: Sendable, Equatable {
    /// What is being limited, part of the stored key: "signin.account", "signin.address", ...
    public var name: String
    public var limit: Int
    public var window: TimeInterval

    public init(name: String, limit: Int, window: TimeInterval) {
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// The start of the window that contains `date`; all attempts in it share one counter.
    public func windowStart(containing date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / window).rounded(.down) * window)
    }

    /// The start of the window before the one that contains `date`.
    public func previousWindowStart(before date: Date) -> Date {
        windowStart(containing: date).addingTimeInterval(-window)
    }

    /// How much of the previous window still counts at `date`: 1 at the start of the current
    /// window, falling to 0 at its end.
    func previousWeight(at date: Date) -> Double {
        1 - (date.timeIntervalSince(windowStart(containing: date)) / window)
    }

    /// The attempts counted at `date`, given the current window's (this attempt included) and
    /// the previous window's.
    public func weightedCount(current: Int, previous: Int, at date: Date) -> Double {
        Double(current) + Double(previous) * previousWeight(at: date)
    }

    /// Whether an attempt at `date` is allowed, given the current window's count (this attempt
    /// included) and the previous window's.
    public func allows(current: Int, previous: Int, at date: Date) -> Bool {
        weightedCount(current: current, previous: previous, at: date) <= Double(limit) + 1e-9
    }

    /// Seconds from `date` until one more attempt would be allowed, if no other came meanwhile.
    public func retryAfter(current: Int, previous: Int, from date: Date) -> Int {
        let start = windowStart(containing: date).timeIntervalSince1970
        let end = start + window
        let room = Double(limit - current - 1)  // what the previous window may still weigh
        var allowedAt: Double
        if room >= 0, previous == 0 || room / Double(previous) >= 1 {
            allowedAt = date.timeIntervalSince1970
        } else if room >= 0, start + window * (1 - room / Double(previous)) < end {
            allowedAt = start + window * (1 - room / Double(previous))
        } else if current + 1 <= limit {
            allowedAt = end
        } else {
            // in the next window this one's attempts become the previous window's
            allowedAt = end + window * (1 - Double(limit - 1) / Double(current))
        }
        allowedAt = max(allowedAt, date.timeIntervalSince1970)
        return max(1, Int((allowedAt - date.timeIntervalSince1970).rounded(.up)))
    }
}
