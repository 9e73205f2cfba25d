import Foundation

/// When a signed-in session ends: after a stretch of inactivity or at an absolute limit,
/// whichever comes first.
public struct SessionLifetime: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval
    /// Activity is written back at most this often, so that a busy page does not write on every request.
    public var touchInterval: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 60 * 60, touchInterval: TimeInterval = 60) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.touchInterval = min(touchInterval, idleTimeout / 2)
    }

    /// Whether a session created at `createdAt` and last used at `lastSeenAt` has ended by `now`.
    public func hasExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idleTimeout || now.timeIntervalSince(createdAt) >= absoluteTimeout
    }

    /// Whether the last-seen time is old enough to be worth writing again.
    public func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= touchInterval
    }

    /// How long the stored session must be kept from `now`, the moment of its last write: until
    /// the idle time-out (with a little grace, so the person can still be told why they were
    /// signed out) or the absolute limit, whichever is sooner. The housekeeping sweep then
    /// removes abandoned sessions, and whatever a half-finished registration held, promptly.
    public func remaining(createdAt: Date, now: Date) -> TimeInterval {
        max(0, min(absoluteTimeout - now.timeIntervalSince(createdAt), idleTimeout + Self.expiryGrace))
    }

    /// How long an expired session is kept so that its next request can say it timed out.
    public static let expiryGrace: TimeInterval = 10 * 60
}
