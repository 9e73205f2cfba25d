import ConsiliumCore
import Foundation

/// Times the service's own password hashing, for the benchmark's registration row.
public enum BcryptProbe {
    /// The median time, in milliseconds, of `count` hashes at `cost`, made as registration makes them.
    public static func medianMilliseconds(cost: Int, count: Int) async throws -> Double {
        let hasher = try await PasswordHasher.make(cost: cost)
        var samples: [Double] = []
        for index in 0..<count {
            let start = ContinuousClock.now
            _ = try await hasher.hash("Harbour-Lantern-\(index)")
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
