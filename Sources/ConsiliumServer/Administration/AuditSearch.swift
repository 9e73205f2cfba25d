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
    }

    /// Events matching `filter`, newest first, older than `before` (a sequence number) if given.
    func page(_ filter: Filter, before: Int64?, limit: Int) async throws -> [Row] {
        guard var query = try await query(filter) else { return [] }
        if let before { query = query.filter(\.$sequence < before) }
        return try await named(query.sort(\.$sequence, .descending).limit(limit).all())
    }

    /// Builds the query; nil when the filter names a patient or person who does not exist (no events).
    func query(_ filter: Filter) async throws -> QueryBuilder<AuditEventModel>? {
        let db = database.db
        var query = AuditEventModel.query(on: db)
        let patient = filter.patient.trimmingCharacters(in: .whitespaces)
        if !patient.isEmpty {
            let ids = try await patientIDs(matching: patient)
            guard !ids.isEmpty else { return nil }
            query = query.filter(\.$patientID ~~ ids)
        }
        let user = filter.user.trimmingCharacters(in: .whitespaces)
        if !user.isEmpty {
            let id: UUID?
            if let uuid = UUID(uuidString: user) {
                id = uuid
            } else {
                id = try await UserModel.query(on: db).filter(\.$email == EmailAddress.normalise(user)).first()?.id
            }
            guard let id else { return nil }
            query = query.filter(\.$actorUserID == id)
        }
        if !filter.action.isEmpty {
            guard let action = AuditAction(rawValue: filter.action) else {
                throw Problem(field: "action", message: "Choose an action from the list.")
            }
            query = query.filter(\.$action == action.rawValue)
        }
        if let from = try Self.day(filter.from, field: "from") {
            query = query.filter(\.$occurredMicros >= AuditLog.micros(from))
        }
        if let to = try Self.day(filter.to, field: "to") {
            query = query.filter(\.$occurredMicros < AuditLog.micros(to.addingTimeInterval(86400)))
        }
        return query
    }

    /// Adds the names of the people and patients the events mention.
    func named(_ events: [AuditEventModel]) async throws -> [Row] {
        let db = database.db
        let userIDs = Set(events.compactMap(\.actorUserID))
        let patientIDs = Set(events.compactMap(\.patientID))
        let users = userIDs.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$id ~~ userIDs).all()
        let patients = patientIDs.isEmpty ? [] : try await PatientModel.query(on: db).filter(\.$id ~~ patientIDs).all()
        let usersByID = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0) })
        let patientsByID = Dictionary(uniqueKeysWithValues: patients.map { ($0.id!, $0.fullName) })
        return events.map { event in
            let actor = event.actorUserID.flatMap { usersByID[$0] }
            return Row(
                event: event, actorName: actor?.displayName ?? (event.actorUserID == nil ? "System" : "Unknown account"),
                actorEmail: actor?.email ?? "", patientName: event.patientID.flatMap { patientsByID[$0] } ?? "")
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
            let capitalised = word.prefix(1).uppercased() + word.dropFirst().lowercased()
            let variants = Set([word, capitalised, word.lowercased(), word.uppercased()])
            let found = try await PatientModel.query(on: db).group(.or) { group in
                for variant in variants {
                    group.filter(\.$firstName, .custom("LIKE"), variant + "%").filter(\.$lastName, .custom("LIKE"), variant + "%")
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
