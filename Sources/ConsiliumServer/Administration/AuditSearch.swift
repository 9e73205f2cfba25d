import ConsiliumCore
import FluentKit
import Foundation

/// Finding audit events for the privacy officer: by patient (name or a case's reference
/// number), by person (email address), by action and by time, newest first. The same query
/// feeds the page (a page at a time, keyed by sequence) and the CSV export (all of it, in pages).
struct AuditSearch: Sendable {
    let database: DatabaseService

    /// The filters as typed.
    struct Filter: Sendable, Equatable {
        var patient = ""
        var user = ""
        var action = ""
        var from = ""
        var to = ""

        var isEmpty: Bool { self == Filter() }
        /// Which filters were used, without their values (the audit event of a search must not repeat a patient's name).
        var usedNames: String {
            [("patient", patient), ("user", user), ("action", action), ("from", from), ("to", to)].filter { !$0.1.isEmpty }.map(\.0)
                .joined(separator: ",")
        }
    }

    /// A filter that could not be read, with the field it belongs to.
    struct Problem: Error, Equatable {
        let field: String
        let message: String
    }

    /// An event with the names it refers to.
    struct Row: Sendable {
        let event: AuditEventModel
        let actorName: String
        let actorEmail: String
        let patientName: String
        /// The object in words: "Request 788 539 1818", "Account of Grace Okafor".
        let objectName: String
    }

    /// A filter read and looked up once: the patients and person it names, the action, the
    /// time bounds. Paging, and the export's many pages, reuse it without looking again.
    struct Resolved: Sendable {
        var patientIDs: [UUID]?
        var userID: UUID?
        var action: String?
        var fromMicros: Int64?
        var toMicros: Int64?
        /// The filter names a patient or person who does not exist: no event can match.
        var matchesNothing = false
    }

    /// Reads and looks up `filter`; throws `Problem` for an action or date that cannot be read.
    func resolve(_ filter: Filter) async throws -> Resolved {
        let db = database.db
        var resolved = Resolved()
        if !filter.action.isEmpty {
            guard let action = AuditAction(rawValue: filter.action) else {
                throw Problem(field: "action", message: "Choose an action from the list.")
            }
            resolved.action = action.rawValue
        }
        resolved.fromMicros = try Self.day(filter.from, field: "from").map(AuditLog.micros)
        resolved.toMicros = try Self.day(filter.to, field: "to").map { AuditLog.micros($0.addingTimeInterval(86400)) }
        let patient = filter.patient.trimmingCharacters(in: .whitespaces)
        if !patient.isEmpty {
            let ids = try await patientIDs(matching: patient)
            resolved.patientIDs = ids
            resolved.matchesNothing = ids.isEmpty
        }
        let user = filter.user.trimmingCharacters(in: .whitespaces)
        if !user.isEmpty {
            if let uuid = UUID(uuidString: user) {
                resolved.userID = uuid
            } else {
                resolved.userID = try await UserModel.query(on: db).filter(\.$email == EmailAddress.normalise(user)).first()?.id
            }
            if resolved.userID == nil { resolved.matchesNothing = true }
        }
        return resolved
    }

    /// Events matching `resolved`, newest first, older than `before` (a sequence number) if given.
    func page(_ resolved: Resolved, before: Int64?, limit: Int) async throws -> [Row] {
        guard !resolved.matchesNothing else { return [] }
        var query = AuditEventModel.query(on: database.db)
        if let ids = resolved.patientIDs { query = query.filter(\.$patientID ~~ ids) }
        if let id = resolved.userID { query = query.filter(\.$actorUserID == id) }
        if let action = resolved.action { query = query.filter(\.$action == action) }
        if let from = resolved.fromMicros { query = query.filter(\.$occurredMicros >= from) }
        if let to = resolved.toMicros { query = query.filter(\.$occurredMicros < to) }
        if let before { query = query.filter(\.$sequence < before) }
        return try await named(query.sort(\.$sequence, .descending).limit(limit).all())
    }

    /// Adds the names of the people, patients and requests the events mention.
    func named(_ events: [AuditEventModel]) async throws -> [Row] {
        let db = database.db
        let objectUserIDs = events.filter { $0.objectType == "User" }.compactMap { $0.objectID.flatMap(UUID.init(uuidString:)) }
        let caseIDs = Set(events.filter { $0.objectType == "Case" }.compactMap { $0.objectID.flatMap(UUID.init(uuidString:)) })
        let userIDs = Set(events.compactMap(\.actorUserID) + objectUserIDs)
        let patientIDs = Set(events.compactMap(\.patientID))
        let users = userIDs.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$id ~~ userIDs).all()
        let patients = patientIDs.isEmpty ? [] : try await PatientModel.query(on: db).filter(\.$id ~~ patientIDs).all()
        let cases = caseIDs.isEmpty ? [] : try await CaseModel.query(on: db).filter(\.$id ~~ caseIDs).all()
        let usersByID = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0) })
        let patientsByID = Dictionary(uniqueKeysWithValues: patients.map { ($0.id!, $0.fullName) })
        let referencesByID = Dictionary(uniqueKeysWithValues: cases.map { ($0.id!, $0.caseReference?.display ?? $0.reference) })
        return events.map { event in
            let actor = event.actorUserID.flatMap { usersByID[$0] }
            let objectID = event.objectID.flatMap(UUID.init(uuidString:))
            let objectName =
                switch event.objectType {
                case "Case": objectID.flatMap { referencesByID[$0] }.map { "Request \($0)" } ?? "A request since removed"
                case "User": objectID.flatMap { usersByID[$0] }.map { "Account of \($0.displayName)" } ?? "An account since removed"
                default: ""
                }
            return Row(
                event: event, actorName: actor?.displayName ?? (event.actorUserID == nil ? "The service" : "An account since removed"),
                actorEmail: actor?.email ?? "", patientName: event.patientID.flatMap { patientsByID[$0] } ?? "", objectName: objectName)
        }
    }

    /// Patients named by a case reference number, or whose first or last name starts with what was typed.
    private func patientIDs(matching typed: String) async throws -> [UUID] {
        let db = database.db
        if let reference = try? CaseReference(typed) {
            return try await CaseModel.query(on: db).filter(\.$reference == reference.value).all().map { $0.$patient.id }
        }
        let words = typed.split(whereSeparator: \.isWhitespace).map(String.init)
        var matches: Set<UUID>?
        for word in words {
            let found = try await PatientModel.query(on: db).group(.or) { group in
                for variant in NameSearch.spellings(word) {
                    group.filter(\.$firstName =~ variant).filter(\.$lastName =~ variant)
                }
            }.all().compactMap(\.id)
            matches = matches.map { $0.intersection(found) } ?? Set(found)
        }
        return Array(matches ?? [])
    }

    /// A date typed as YYYY-MM-DD (what a date input sends), as the start of that day in UTC.
    static func day(_ typed: String, field: String) throws -> Date? {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = try? CalendarDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw Problem(field: field, message: "Enter the date as year-month-day, for example 2026-11-26.")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }
}
