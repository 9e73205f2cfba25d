/// How long an answer should take so that its timing does not tell two outcomes apart (a new
/// account and a taken email, say): the 90th percentile of the recent work of both, within
/// bounds. Each answer's own work is recorded, then the answer waits until the target. The
/// outcome that does less work is padded up to where the other usually ends; the window keeps
/// the target close to the machine's current speed, so the padding stays a few milliseconds.
public struct TimingWindow: Sendable {
    public let minimum: Double
    public let maximum: Double
    private var samples: [Double] = []
    private var next = 0
    private let size: Int

    /// Bounds in seconds; `size` recent samples are kept.
    public init(minimum: Double = 0, maximum: Double = 0.25, size: Int = 64) {
        self.minimum = minimum
        self.maximum = max(maximum, minimum)
        self.size = size
    }

    /// Records `seconds` of work and returns how long the answer should take in all.
    public mutating func record(_ seconds: Double) -> Double {
        if samples.count < size {
            samples.append(seconds)
        } else {
            samples[next] = seconds
            next = (next + 1) % size
        }
        return target
    }

    /// The 90th percentile of the recent samples, within `minimum` and `maximum`.
    public var target: Double {
        guard !samples.isEmpty else { return minimum }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)
        return min(maximum, max(minimum, sorted[max(0, index)]))
    }
}
