import Foundation

/// A limit of so many attempts per fixed window, e.g. ten sign-ins per account per 15 minutes.
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

    /// Seconds from `date` until the current window ends and attempts are allowed again.
    public func retryAfter(from date: Date) -> Int {
        Int((windowStart(containing: date).timeIntervalSince1970 + window - date.timeIntervalSince1970).rounded(.up))
    }

    /// Whether the `count`-th attempt in a window is still allowed.
    public func allows(count: Int) -> Bool { count <= limit }
}
