import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// The one way every feature records an audit event. Callers pass the database handle of the
/// transaction that makes the change, so the change and its record commit or fail together.
/// Each event is chained to the one before it and sealed with a key derived from the master key.
struct AuditLog: Sendable {
    /// Seals new events.
    let sealKey: AuditSealKey
    /// Every key a stored seal may have been made with (the current master key's and older ones').
    let verificationKeys: [AuditSealKey]

    init(current: EncryptedFileFormat.MasterKey, previous: [EncryptedFileFormat.MasterKey]) {
        sealKey = AuditSealKey(masterKeyID: current.id, masterKey: current.key)
        verificationKeys = [sealKey] + previous.map { AuditSealKey(masterKeyID: $0.id, masterKey: $0.key) }
    }

    /// Who acted and from where: the parts of an event that come from the request.
    struct Actor: Sendable {
        var userID: UserID?
        var role: Role?
        var clientAddress: String?
        var userAgent: String?

        static let system = Actor(userID: nil, role: nil, clientAddress: "local", userAgent: nil)
    }

    /// The object an event is about: its type and id, and the patient whose information it holds.
    struct Subject: Sendable {
        var type: String
        var id: String
        var patientID: PatientID?

        static func user(_ id: UserID) -> Subject { Subject(type: "User", id: id.rawValue.uuidString, patientID: nil) }

        /// A case, under its patient.
        static func `case`(_ caseModel: CaseModel) throws -> Subject {
            Subject(type: "Case", id: try caseModel.requireID().uuidString, patientID: PatientID(rawValue: caseModel.$patient.id))
        }
    }

    func record(
        _ action: AuditAction, by actor: Actor, on subject: Subject? = nil, outcome: AuditOutcome = .success,
        detail: String? = nil, at date: Date = Date(), in db: any Database
    ) async throws {
        let event = AuditEventModel()
        let micros = Self.micros(date)
        event.occurredAt = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        event.occurredMicros = micros
        event.actorUserID = actor.userID?.rawValue
        event.actorRole = actor.role?.rawValue
        event.action = action.rawValue
        event.objectType = subject?.type
        event.objectID = subject?.id
        event.patientID = subject?.patientID?.rawValue
        event.outcome = outcome.rawValue
        event.clientAddress = actor.clientAddress
        event.userAgent = actor.userAgent.map { String($0.prefix(512)) }
        event.detail = detail
        if db.inTransaction {
            try await append(event, in: db)
        } else {
            try await db.transaction { try await append(event, in: $0) }
        }
    }

    /// Links the event to the last one and inserts it. Appends are serialised: on SQLite the
    /// transaction holds the only connection; on PostgreSQL a transaction-scoped advisory lock
    /// is held until the caller's transaction ends. The unique sequence is the backstop.
    private func append(_ event: AuditEventModel, in db: any Database) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.appendLock))").run()
        }
        let last = try await AuditEventModel.query(on: db).sort(\.$sequence, .descending).field(\.$sequence).field(\.$hash).first()
        event.sequence = (last?.sequence ?? 0) + 1
        event.previousHash = last?.hash ?? AuditChain.genesis
        event.hash = ""
        event.hash = event.chainEntry.computedHash
        try await event.create(on: db)
        try await AuditSealModel(sequence: event.sequence, keyID: sealKey.id, mac: sealKey.seal(sequence: event.sequence, hash: event.hash))
            .create(on: db)
    }

    /// Walks the whole chain in order, a page at a time, checking each event's seal, and reports
    /// the first break; with `expectedHead`, also whether the chain still passes through it.
    func verify(on db: any Database, expectedHead: String? = nil, pageSize: Int = 1000) async throws -> AuditChain.Verifier {
        var verifier = AuditChain.Verifier(expectedHead: expectedHead, sealKeys: verificationKeys)
        var after: Int64 = 0
        while true {
            let page = try await AuditEventModel.query(on: db).filter(\.$sequence > after).sort(\.$sequence).limit(pageSize).all()
            let sequences = page.map(\.sequence)
            let seals = try await AuditSealModel.query(on: db).filter(\.$id ~~ sequences).all()
            let bySequence = Dictionary(seals.compactMap { seal in seal.id.map { ($0, (keyID: seal.keyID, mac: seal.mac)) } }) { first, _ in
                first
            }
            for event in page { verifier.check(event.chainEntry, seal: bySequence[event.sequence]) }
            guard let last = page.last, page.count == pageSize, verifier.firstBreak == nil else { return verifier }
            after = last.sequence
        }
    }

    /// Whole microseconds since 1970: what the chain covers, since a `Date` may not round-trip exactly.
    static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// Any fixed number: the key of the PostgreSQL advisory lock that serialises appends.
    static let appendLock: Int64 = 0x436F_6E73_4175_6469
}
