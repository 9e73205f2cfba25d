import ConsiliumCore
import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

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
        ServiceMetrics.auditEventsAppended.increment()
    }

    /// Links the events, in order, after the last one and inserts them with their seals, inside
    /// the caller's transaction. It holds the chain's end until that transaction ends: on SQLite
    /// the transaction holds the only writer connection; on PostgreSQL a transaction-scoped
    /// advisory lock. The unique sequence is the backstop.
    static func chain(_ drafts: [Draft], sealKey: AuditSealKey, in db: any Database) async throws {
        guard !drafts.isEmpty else { return }
        if let sqlite = db as? any SQLiteDatabase {
            try await chainOnSQLite(drafts, sealKey: sealKey, in: sqlite)
            return
        }
        guard let sql = db as? any SQLDatabase else { throw DatabaseService.NotSQL() }
        if sql.dialect.name == "postgresql" { try await holdChainEnd(in: db) }
        let last = try await sql.select().column("sequence").column("hash").from(AuditEventModel.schema)
            .orderBy("sequence", .descending).limit(1).first()
        let rows = Self.rows(
            drafts, after: try last?.decode(column: "sequence", as: Int64.self) ?? 0,
            previousHash: try last?.decode(column: "hash", as: String.self) ?? AuditChain.genesis, sealKey: sealKey)
        // Plain inserts rather than models: Fluent reflects over a model's properties for every
        // row, which cost more than the commit.
        var events = sql.insert(into: AuditEventModel.schema).columns(Self.eventColumns.map { SQLIdentifier($0) })
        var seals = sql.insert(into: AuditSealModel.schema).columns(Self.sealColumns.map { SQLIdentifier($0) })
        for row in rows {
            let draft = row.draft
            events = events.values(
                SQLBind(row.id), SQLBind(Date(timeIntervalSince1970: Double(draft.occurredMicros) / 1_000_000)),
                SQLBind(draft.occurredMicros), SQLBind(draft.actorUserID), SQLBind(draft.actorRole), SQLBind(draft.action),
                SQLBind(draft.objectType), SQLBind(draft.objectID), SQLBind(draft.patientID), SQLBind(draft.outcome),
                SQLBind(draft.clientAddress), SQLBind(draft.userAgent), SQLBind(draft.detail), SQLBind(row.sequence),
                SQLBind(row.previousHash), SQLBind(row.hash))
            seals = seals.values(SQLBind(row.sequence), SQLBind(sealKey.id), SQLBind(row.seal))
        }
        try await events.run()
        try await seals.run()
    }

    /// Keeps every other appender, in this process or another, from adding to the chain until
    /// the caller's transaction ends, for work that must see the chain's end stay put. On
    /// PostgreSQL the advisory lock `chain` takes; on SQLite the database's write lock, taken by
    /// a write that changes nothing (the append-only triggers fire per row, so none fires).
    static func holdChainEnd(in db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw DatabaseService.NotSQL() }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.appendLock))").run()
        } else {
            try await sql.raw("UPDATE \(ident: AuditEventModel.schema) SET \(ident: "sequence") = \(ident: "sequence") WHERE 0 = 1").run()
        }
    }

    /// The same on SQLite, with the driver's own statements: serialising a batch's thousand
    /// parameters through SQLKit and encoding each through `Encodable` cost more CPU than
    /// SQLite's work. The values stored are the ones SQLKit stores (UUIDs as upper-case text,
    /// dates as seconds since 1970), so both paths read back alike.
    private static func chainOnSQLite(_ drafts: [Draft], sealKey: AuditSealKey, in db: any SQLiteDatabase) async throws {
        let last = try await db.query(
            #"SELECT "sequence", "hash" FROM "\#(AuditEventModel.schema)" ORDER BY "sequence" DESC LIMIT 1"#
        ).first
        let rows = Self.rows(
            drafts, after: last?.column("sequence")?.integer.map(Int64.init) ?? 0,
            previousHash: last?.column("hash")?.string ?? AuditChain.genesis, sealKey: sealKey)
        var events: [SQLiteData] = []
        events.reserveCapacity(rows.count * eventColumns.count)
        var seals: [SQLiteData] = []
        seals.reserveCapacity(rows.count * sealColumns.count)
        func text(_ value: String?) -> SQLiteData { value.map { .text($0) } ?? .null }
        for row in rows {
            let draft = row.draft
            events += [
                .text(row.id.uuidString), .float(Double(draft.occurredMicros) / 1_000_000), .integer(Int(draft.occurredMicros)),
                text(draft.actorUserID?.uuidString), text(draft.actorRole), .text(draft.action), text(draft.objectType),
                text(draft.objectID), text(draft.patientID?.uuidString), .text(draft.outcome), text(draft.clientAddress),
                text(draft.userAgent), text(draft.detail), .integer(Int(row.sequence)), .text(row.previousHash), .text(row.hash),
            ]
            seals += [.integer(Int(row.sequence)), .text(sealKey.id), .text(row.seal)]
        }
        _ = try await db.query(insert(into: AuditEventModel.schema, columns: eventColumns, rows: rows.count), events)
        _ = try await db.query(insert(into: AuditSealModel.schema, columns: sealColumns, rows: rows.count), seals)
    }

    static let eventColumns = [
        "id", "occurred_at", "occurred_micros", "actor_user_id", "actor_role", "action", "object_type", "object_id", "patient_id",
        "outcome", "client_address", "user_agent", "detail", "sequence", "previous_hash", "hash",
    ]
    static let sealColumns = ["sequence", "key_id", "mac"]

    /// `INSERT INTO "table" ("a", "b") VALUES (?, ?), (?, ?)` for `rows` rows. The names are
    /// this file's constants, never input.
    private static func insert(into table: String, columns: [String], rows: Int) -> String {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \"\(table)\" (\(names)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// An event placed in the chain: its id, number, link, hash and seal.
    struct ChainedRow {
        let draft: Draft
        let id: UUID
        let sequence: Int64
        let previousHash: String
        let hash: String
        let seal: String
    }

    /// The drafts, in order, chained after the event numbered `sequence` whose hash is
    /// `previousHash`. Ids are in time order, so the id index grows at its end (`TimeOrderedID`).
    static func rows(_ drafts: [Draft], after sequence: Int64, previousHash: String, sealKey: AuditSealKey) -> [ChainedRow] {
        var sequence = sequence
        var previousHash = previousHash
        var random = SystemRandomNumberGenerator()
        return drafts.map { draft in
            sequence += 1
            let entry = draft.entry(sequence: sequence, previousHash: previousHash)
            defer { previousHash = entry.hash }
            return ChainedRow(
                draft: draft, id: TimeOrderedID.make(milliseconds: UInt64(max(0, draft.occurredMicros / 1000)), using: &random),
                sequence: sequence, previousHash: previousHash, hash: entry.hash,
                seal: sealKey.seal(sequence: sequence, hash: entry.hash))
        }
    }

    /// Walks the whole chain in order, a page at a time, checking each event's seal, and reports
    /// the first break; with `expectedHead`, also whether the chain still passes through it.
    func verify(on db: any Database, expectedHead: String? = nil, pageSize: Int = 1000) async throws -> AuditChain.Verifier {
        try await verify(
            on: db, continuing: AuditChain.Verifier(expectedHead: expectedHead, sealKeys: verificationKeys), pageSize: pageSize)
    }

    /// Goes on checking from the event after the last one `verifier` checked.
    func verify(on db: any Database, continuing verifier: AuditChain.Verifier, pageSize: Int = 1000) async throws -> AuditChain.Verifier {
        var verifier = verifier
        var after = verifier.count
        guard verifier.firstBreak == nil else { return verifier }
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
