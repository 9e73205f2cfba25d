import ConsiliumCore
import FluentKit
import Foundation

/// Group commit for audit events recorded on their own, outside any change's transaction (a
/// view of health information, a refusal, a sign-in): events from concurrent requests share
/// one transaction and one commit, and each request is resumed only after that commit, so no
/// event is acknowledged before it is durable.
///
/// One appender per process takes every waiting event (up to `maxBatch`), chains them in the
/// order they arrived, inserts them and their seals in two statements, commits once and then
/// resumes every waiter. While a commit is in flight the next events gather, so the batch
/// grows with the load and a lone event is written at once. If the database refuses a batch,
/// each of its events is tried alone, so one bad event cannot take the others with it.
///
/// How it composes with events written inside a change's own transaction (`AuditLog.record`
/// with a transaction's handle): those are chained in that transaction, never batched, so the
/// change and its record commit or fail together. Both paths take the same exclusive hold on
/// the chain's end for the length of their transaction (SQLite: the single writer connection;
/// PostgreSQL: the advisory lock `AuditLog.appendLock`), read the last event inside it and
/// chain after it. So batches, changes' own events and other processes on the same PostgreSQL
/// interleave as whole transactions and the chain stays one line; the unique sequence is the
/// backstop.
actor AuditAppender {
    private let database: DatabaseService
    private let sealKey: AuditSealKey
    private var waiting: [Waiter] = []
    private var draining = false
    /// Transactions committed so far (tests read it to see that events share commits).
    private(set) var commits = 0

    /// The most events in one transaction: bounds the statement's parameters and the time a
    /// change's own transaction may wait behind a batch.
    static let maxBatch = 256

    private struct Waiter {
        let draft: AuditLog.Draft
        let continuation: CheckedContinuation<Void, any Error>
    }

    init(database: DatabaseService, sealKey: AuditSealKey) {
        self.database = database
        self.sealKey = sealKey
    }

    /// Returns once the event is chained and committed; throws if it could not be.
    func append(_ draft: AuditLog.Draft) async throws {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiter(draft: draft, continuation: continuation))
            if !draining {
                draining = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        var resumed = 0
        while !waiting.isEmpty {
            await gather(after: resumed)
            let batch = Array(waiting.prefix(Self.maxBatch))
            waiting.removeFirst(batch.count)
            do {
                try await commit(batch.map(\.draft))
                for waiter in batch { waiter.continuation.resume() }
            } catch {
                for waiter in batch {
                    do {
                        try await commit([waiter.draft])
                        waiter.continuation.resume()
                    } catch {
                        waiter.continuation.resume(throwing: error)
                    }
                }
            }
            resumed = batch.count
        }
        draining = false
    }

    /// Lets events that are on their way join the next batch. The requests just resumed and
    /// those that arrived meanwhile run on the same few threads as this actor; taking the queue
    /// at once would commit a batch of the few that slipped in during the commit, and the
    /// rest would wait a whole commit behind it. So while fewer events wait than were just
    /// resumed, the appender yields, and stops as soon as a yield brings none: under light load
    /// that is one yield, microseconds, and a lone event is still written at once.
    private func gather(after resumed: Int) async {
        var seen = -1
        while waiting.count < min(resumed, Self.maxBatch), waiting.count != seen {
            seen = waiting.count
            await Task.yield()
        }
    }

    private func commit(_ drafts: [AuditLog.Draft]) async throws {
        let sealKey = sealKey
        try await database.db.transaction { tx in try await AuditLog.chain(drafts, sealKey: sealKey, in: tx) }
        commits += 1
    }
}
