import ConsiliumCore
import Foundation

/// Pads answers whose duration could reveal which of two paths ran (see `TimingWindow`).
actor ResponseTimeFloor {
    private var window: TimingWindow

    /// At least `minimum`; padding adds at most `headroom` above it, however slow recent answers were.
    init(minimum: Duration = .zero, headroom: Duration = .milliseconds(250)) {
        window = TimingWindow(minimum: Self.seconds(minimum), maximum: Self.seconds(minimum + headroom))
    }

    /// Records the work done since `started` and waits until the answer has taken the target time.
    nonisolated func pad(since started: ContinuousClock.Instant) async throws {
        let target = await record(Self.seconds(ContinuousClock.now - started))
        try await Task.sleep(until: started + .seconds(target), clock: .continuous)
    }

    private func record(_ seconds: Double) -> Double {
        window.record(seconds)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
