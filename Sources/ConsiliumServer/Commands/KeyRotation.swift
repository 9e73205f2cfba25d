import ConsiliumCore
import FluentKit
import Foundation

/// `consilium keys rotate`: puts everything sealed under an older master key under the current
/// one, after which the older key can leave `CONSILIUM_PREVIOUS_MASTER_KEYS`:
/// - each record's file is read (decrypted and checked against its SHA-256) and written again
///   under the current key as a new stored document; the row then points at it, and the old
///   file goes. A file's chunks authenticate its header, so a new key means a new file;
/// - each authenticator key (two-step sign-in) is opened and sealed again;
/// - the audit log is verified whole, every seal under the key it names, and then one event is
///   appended, sealed with the current key, that retires the older keys through the last event
///   checked (`AuditKeyRetirement`). Seals are append-only, so they are not made again: the new
///   event's chain hash covers every event before it, which is what lets `audit verify` accept
///   the retired keys' seals without those keys. A log that does not verify stops the
///   rotation, so a changed log is never vouched for.
/// Resumable: what is already under the current key is skipped, and a run cut off leaves at
/// worst a new file no row names, which housekeeping removes.
public struct KeyRotation: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    public struct Report: Sendable, Equatable {
        public var records = 0
        public var authenticatorKeys = 0
        /// The older keys the audit log's new rotation event retired (none if nothing needed it).
        public var retiredAuditKeys: [String] = []
    }

    /// A seal that did not check under the key it names, or a re-written file that came out different.
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public func run(progress: (String) -> Void = { _ in }) async throws -> Report {
        var report = Report()
        report.records = try await rotateRecords(progress)
        report.authenticatorKeys = try await rotateAuthenticatorKeys()
        report.retiredAuditKeys = try await retireAuditKeys()
        return report
    }

    private var currentKeyID: String { dependencies.secretBox.current.id }

    private func rotateRecords(_ progress: (String) -> Void) async throws -> Int {
        let db = dependencies.database.db
        let store = dependencies.documents
        let stale = try await RecordModel.query(on: db).filter(\.$keyID != currentKeyID).all()
        for (index, record) in stale.enumerated() {
            let recordID = try record.requireID()
            let contents = try await store.read(record.storageKey, expectedSHA256: record.sha256, binding: record.binding)
            let writer = try await store.makeWriter(binding: record.binding)
            let stored: StoredDocument
            do {
                for try await chunk in contents.chunks { try await writer.write(chunk) }
                stored = try await writer.finish()
            } catch {
                await writer.abort()
                throw error
            }
            guard stored.sha256 == record.sha256, stored.size == record.size else {
                try? await store.remove(stored.storageKey)
                throw Refused(description: "record \(recordID) read back differently when written again")
            }
            // Only if nothing moved the row meanwhile; otherwise the new file is an orphan for housekeeping.
            try await RecordModel.query(on: db).filter(\.$id == recordID).filter(\.$storageKey == record.storageKey)
                .set(\.$storageKey, to: stored.storageKey).set(\.$keyID, to: stored.keyID).update()
            try? await store.remove(record.storageKey)
            progress("[\(index + 1)/\(stale.count)] record \(recordID): sealed again under \(stored.keyID)")
        }
        return stale.count
    }

    private func rotateAuthenticatorKeys() async throws -> Int {
        let db = dependencies.database.db
        let box = dependencies.secretBox
        var rotated = 0
        for user in try await UserModel.query(on: db).filter(\.$totpSecret != nil).all() {
            guard let sealed = user.totpSecret, !sealed.hasPrefix("v1:\(currentKeyID):") else { continue }
            let resealed = try box.seal(try box.open(sealed, purpose: TwoFactorService.purpose), purpose: TwoFactorService.purpose)
            try await UserModel.query(on: db).filter(\.$id == user.requireID()).filter(\.$totpSecret == sealed)
                .set(\.$totpSecret, to: resealed).update()
            rotated += 1
        }
        return rotated
    }

    private func retireAuditKeys() async throws -> [String] {
        let db = dependencies.database.db
        let audit = dependencies.audit
        // The long walk first, outside any transaction: instances keep appending meanwhile.
        let walked = try await audit.verify(on: db)
        if let problem = walked.problem { throw Refused(description: "the audit log does not verify: \(problem)") }
        return try await db.transaction { tx in
            // Then, holding the chain's end, the events appended since, and the rotation event right after them.
            try await AuditLog.holdChainEnd(in: tx)
            let checked = try await audit.verify(on: tx, continuing: walked)
            if let problem = checked.problem { throw Refused(description: "the audit log does not verify: \(problem)") }
            let retired = checked.lastSealedWith.filter { id, last in id != audit.sealKey.id && last > checked.retiredThrough[id] ?? 0 }
                .keys.sorted()
            guard !retired.isEmpty else { return [] }
            let retirement = AuditKeyRetirement(retiredKeyIDs: retired, checkedThrough: checked.count)
            try await audit.record(.masterKeysRotated, by: .system, detail: retirement.detail, in: tx)
            return retired
        }
    }
}
