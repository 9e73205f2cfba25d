import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// The one way every feature records an audit event. Callers pass the database handle of the
/// transaction that makes the change, so the change and its record commit or fail together;
/// events recorded on their own share commits (`AuditAppender`).
/// Each event is chained to the one before it and sealed with a key derived from the master key.
struct AuditLog: Sendable {
    /// Seals new events.
    let sealKey: AuditSealKey
    /// Every key a stored seal may have been made with (the current master key's and older ones').
    let verificationKeys: [AuditSealKey]
    /// Batches events recorded outside a transaction; without it each is committed alone.
    let appender: AuditAppender?

    init(current: EncryptedFileFormat.MasterKey, previous: [EncryptedFileFormat.MasterKey], database: DatabaseService? = nil) {
        sealKey = AuditSealKey(masterKeyID: current.id, masterKey: current.key)
        verificationKeys = [sealKey] + previous.map { AuditSealKey(masterKeyID: $0.id, masterKey: $0.key) }
        appender = database.map { [sealKey] in AuditAppender(database: $0, sealKey: sealKey) }
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

    /// An event as the caller describes it, before it has a place in the chain.
    struct Draft: Sendable {
        var occurredMicros: Int64
        var actorUserID: UUID?
        var actorRole: String?
        var action: String
        var objectType: String?
        var objectID: String?
        var patientID: UUID?
        var outcome: String
        var clientAddress: String?
        var userAgent: String?
        var detail: String?

        /// The event at `sequence` in the chain after `previousHash`, hashed.
        func entry(sequence: Int64, previousHash: String) -> AuditChain.Entry {
            AuditChain.Entry(
                sequence: sequence, occurredMicros: occurredMicros, actorUserID: actorUserID?.uuidString, actorRole: actorRole,
                action: action, objectType: objectType, objectID: objectID, patientID: patientID?.uuidString, outcome: outcome,
                clientAddress: clientAddress, userAgent: userAgent, detail: detail, previousHash: previousHash
            ).sealed()
        }
    }

    /// Records an event durably. With a transaction's handle, the event is chained inside that
    /// transaction (it commits or fails with the change it records); otherwise it joins the
    /// next group commit (see `AuditAppender`). Either way it returns after the commit.
    func record(
        _ action: AuditAction, by actor: Actor, on subject: Subject? = nil, outcome: AuditOutcome = .success,
        detail: String? = nil, at date: Date = Date(), in db: any Database
    ) async throws {
        let draft = Draft(
            occurredMicros: Self.micros(date), actorUserID: actor.userID?.rawValue, actorRole: actor.role?.rawValue,
            action: action.rawValue, objectType: subject?.type, objectID: subject?.id, patientID: subject?.patientID?.rawValue,
            outcome: outcome.rawValue, clientAddress: actor.clientAddress, userAgent: actor.userAgent.map { String($0.prefix(512)) },
            detail: detail)
        if db.inTransaction {
            try await Self.chain([draft], sealKey: sealKey, in: db)
        } else if let appender {
            try await appender.append(draft)
        } else {
            try await db.transaction { [sealKey] in try await Self.chain([draft], sealKey: sealKey, in: $0) }
        }
    }

    /// Links the events, in order, after the last one and inserts them with their seals, inside
    /// the caller's transaction. It holds the chain's end until that transaction ends: on SQLite
    /// the transaction holds the only writer connection; on PostgreSQL a transaction-scoped
    /// advisory lock. The unique sequence is the backstop.
    static func chain(_ drafts: [Draft], sealKey: AuditSealKey, in db: any Database) async throws {
        guard !drafts.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw DatabaseService.NotSQL() }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.appendLock))").run()
        }
        let last = try await sql.select().column("sequence").column("hash").from(AuditEventModel.schema)
            .orderBy("sequence", .descending).limit(1).first()
        var sequence = try last?.decode(column: "sequence", as: Int64.self) ?? 0
        var previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
        // Plain inserts rather than models: Fluent reflects over a model's properties for every
        // row, which cost more than the commit.
        var events = sql.insert(into: AuditEventModel.schema).columns(
            "id", "occurred_at", "occurred_micros", "actor_user_id", "actor_role", "action", "object_type", "object_id", "patient_id",
            "outcome", "client_address", "user_agent", "detail", "sequence", "previous_hash", "hash")
        var seals = sql.insert(into: AuditSealModel.schema).columns("sequence", "key_id", "mac")
        for draft in drafts {
            sequence += 1
            let entry = draft.entry(sequence: sequence, previousHash: previousHash)
            previousHash = entry.hash
            events = events.values(
                SQLBind(UUID()), SQLBind(Date(timeIntervalSince1970: Double(draft.occurredMicros) / 1_000_000)),
                SQLBind(draft.occurredMicros), SQLBind(draft.actorUserID), SQLBind(draft.actorRole), SQLBind(draft.action),
                SQLBind(draft.objectType), SQLBind(draft.objectID), SQLBind(draft.patientID), SQLBind(draft.outcome),
                SQLBind(draft.clientAddress), SQLBind(draft.userAgent), SQLBind(draft.detail), SQLBind(sequence),
                SQLBind(entry.previousHash), SQLBind(entry.hash))
            seals = seals.values(SQLBind(sequence), SQLBind(sealKey.id), SQLBind(sealKey.seal(sequence: sequence, hash: entry.hash)))
        }
        try await events.run()
        try await seals.run()
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
