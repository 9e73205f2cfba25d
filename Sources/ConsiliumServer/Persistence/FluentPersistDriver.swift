import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird
import SQLKit

/// A value kept by the persist driver that belongs to a user, so that all of a user's sessions
/// can be ended at once (password reset, disabled account).
protocol UserOwnedValue {
    var ownerUserID: UUID? { get }
}

/// HummingbirdAuth's session storage backed by our database. Keys are stored only as SHA-256
/// hashes; database errors are thrown, never taken for "no session".
struct FluentPersistDriver: PersistDriver {
    let database: DatabaseService

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let record = try makeRecord(key: key, value: value, expires: expires)
        do {
            try await record.create(on: database.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw PersistError.duplicate
        }
    }

    /// Stores a value under a new key (HummingbirdAuth's `save`, with a fresh random id) or
    /// replaces one. The session middleware writes back through `update` instead.
    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let record = try makeRecord(key: key, value: value, expires: expires)
        let db = database.db
        try await db.transaction { tx in
            if let existing = try await SessionRecord.find(record.id, on: tx) {
                existing.data = record.data
                existing.userID = record.userID
                if expires != nil { existing.expiresAt = record.expiresAt }
                try await existing.update(on: tx)
            } else {
                try await record.create(on: tx)
            }
        }
    }

    /// Writes back a session that still exists, in one `UPDATE`; never inserts. A request still
    /// in flight must not bring back a session that a password change, reset, role change or
    /// disable has just ended.
    func update<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let record = try makeRecord(key: key, value: value, expires: expires)
        var update = SessionRecord.query(on: database.db).filter(\.$id == record.id!).set(\.$data, to: record.data)
            .set(\.$userID, to: record.userID)
        if expires != nil { update = update.set(\.$expiresAt, to: record.expiresAt) }
        try await update.update()
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let hash = SecureToken.hash(key)
        guard
            let record = try await database.read(
                SessionRecord.self, "SELECT * FROM \(ident: SessionRecord.schema) WHERE \(ident: "id_hash") = \(bind: hash)"
            ).first
        else { return nil }
        let now = Date()
        if let expiresAt = record.expiresAt, expiresAt <= now { return nil }
        do {
            let object = try JSONDecoder().decode(Object.self, from: record.data)
            return (object, record.expiresAt.map { .seconds($0.timeIntervalSince(now)) })
        } catch {
            throw PersistError.invalidConversion
        }
    }

    func remove(key: String) async throws {
        try await SessionRecord.query(on: database.db).filter(\.$id == SecureToken.hash(key)).delete()
    }

    /// Ends every session of `userID`: deletes their rows, and refuses from now on any session
    /// that began before now, so that one written back by a request in flight stays ended.
    /// A handler that keeps its person signed in rotates to a new session after this.
    func removeAll(ofUser userID: UUID, now: Date = Date()) async throws {
        try await database.db.transaction { tx in
            try await UserModel.query(on: tx).filter(\.$id == userID).set(\.$sessionsValidFromMicros, to: AuditLog.micros(now)).update()
            try await SessionRecord.query(on: tx).filter(\.$userID == userID).delete()
        }
    }

    /// Deletes sessions whose absolute time-out has passed.
    func sweep(now: Date = Date()) async throws {
        try await SessionRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
    }

    private func makeRecord<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) throws -> SessionRecord {
        let data = try JSONEncoder().encode(value)
        let expiresAt = expires.map { Date().addingTimeInterval(TimeInterval($0.components.seconds)) }
        return SessionRecord(
            idHash: SecureToken.hash(key), userID: (value as? any UserOwnedValue)?.ownerUserID, data: data, expiresAt: expiresAt)
    }
}
