import Testing

@testable import ConsiliumCore

@Suite("Padding answers to a common time")
struct TimingWindowTests {
    @Test("the target is the 90th percentile of recent work, so the quicker outcome waits for the usual slower one")
    func percentile() {
        var window = TimingWindow(minimum: 0, maximum: 1, size: 10)
        // nine quick answers (a taken email) and one slow one (a new account)
        for _ in 0..<9 { _ = window.record(0.010) }
        #expect(window.record(0.014) == 0.010)
        // with more new accounts the slower time becomes the target for both
        for _ in 0..<2 { _ = window.record(0.014) }
        #expect(window.target == 0.014)
    }

    @Test("old samples leave the window; the target stays within its bounds")
    func boundsAndWindow() {
        var window = TimingWindow(minimum: 0.005, maximum: 0.2, size: 4)
        #expect(window.target == 0.005)
        for _ in 0..<4 { _ = window.record(0.5) }
        #expect(window.target == 0.2)
        for _ in 0..<4 { _ = window.record(0.001) }
        #expect(window.target == 0.005)
        #expect(window.record(0.030) == 0.030)  // four samples: the slowest is the 90th percentile
    }
}
