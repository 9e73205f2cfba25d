import FluentKit
import Foundation
import Synchronization

/// The languages some patient prefers, for the queue's language filter. Reading them means a
/// pass over every patient (100,000 rows in the benchmark, on every queue page), and the list
/// changes only when a patient with a new language registers: so it is read at most once a
/// minute per instance. A language added since shows within that minute; the filter still
/// takes any code typed in the address.
final class PresentLanguages: Sendable {
    static let refresh: TimeInterval = 60
    private let cached = Mutex<(codes: [String], readAt: Date)?>(nil)

    func codes(on db: any Database, now: Date = Date()) async throws -> [String] {
        if let cached = cached.withLock({ $0 }), now.timeIntervalSince(cached.readAt) < Self.refresh { return cached.codes }
        let codes = Array(Set(try await PatientModel.query(on: db).unique().all(\.$preferredLanguage).compactMap { $0 }))
        cached.withLock { $0 = (codes, now) }
        return codes
    }
}
