import Foundation

/// Checking a time-based one-time code (RFC 6238) as a sign-in needs it: the code itself is
/// computed elsewhere (HummingbirdOTP); this adds the clock-drift window and the replay guard.
public enum OneTimeCode {
    /// Seconds per code, as authenticator apps assume.
    public static let timeStep: Int64 = 30

    public enum Outcome: Sendable, Equatable {
        /// The code belongs to `step`; record it as the last step used.
        case accepted(step: Int64)
        /// The code is right but its step (or a later one) was already used: a replay.
        case replayed
        case wrong
    }

    /// The time step `date` falls in.
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(timeStep)).rounded(.down))
    }

    /// The six digits a person typed, with spaces and hyphens removed; nil if they are not six digits.
    public static func normalized(_ typed: String) -> String? {
        let digits = typed.filter { !$0.isWhitespace && $0 != "-" }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }

    /// Accepts a code from the current step or `window` steps either side (phones' clocks
    /// drift), but never from a step at or before `lastUsedStep`, so an overheard code cannot
    /// be used again. Every candidate step is computed, so timing does not tell which matched.
    public static func check(
        _ typed: String, at date: Date, lastUsedStep: Int64?, window: Int64 = 1, compute: (Int64) -> Int
    ) -> Outcome {
        guard let code = normalized(typed) else { return .wrong }
        let now = step(at: date)
        var matched: Int64?
        for candidate in (now - window)...(now + window) {
            let expected = String(format: "%06d", compute(candidate))
            if SecureToken.constantTimeEquals(expected, code), matched == nil { matched = candidate }
        }
        guard let matched else { return .wrong }
        if let lastUsedStep, matched <= lastUsedStep { return .replayed }
        return .accepted(step: matched)
    }
}
