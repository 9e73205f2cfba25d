import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// The coordinators' work queue: cases filtered by state and specialty, or found by reference
/// number or patient name, newest first or with the longest-running turnaround clock first,
/// paged by keyset (the last row's sort key and id) so a deep page costs what the first does.
struct CaseQueue: Sendable {
    let database: DatabaseService

    /// How the queue is sorted.
    enum Order: String, Sendable {
        case newest, overdue
    }

    /// What the coordinator asked for.
    struct Filter: Sendable {
        var state: CaseState?
        var specialty: String?
        var search: String = ""
        var language: PatientLanguage.Filter?
        var order: Order = .newest
        /// The last row of the previous page: its sort key (microseconds) and id.
        var after: (Int64, UUID)?
    }

    static let pageSize = 25

    /// One page, and the cursor of the next page if there is one.
    func page(_ filter: Filter) async throws -> (cases: [CaseModel], next: String?) {
        var query = CaseModel.query(on: database.db).with(\.$patient)
        if let state = filter.state { query = query.filter(\.$state == state) }
        if let specialty = filter.specialty, !specialty.isEmpty { query = query.filter(\.$specialty == specialty) }
        let search = filter.search.trimmingCharacters(in: .whitespaces)
        let reference = try? CaseReference(search)
        if filter.language != nil || (!search.isEmpty && reference == nil) {
            query = query.join(PatientModel.self, on: \CaseModel.$patient.$id == \PatientModel.$id)
        }
        switch filter.language {
        case .interpreter: query = query.filter(PatientModel.self, \.$interpreterNeeded == true)
        case .language(let code): query = query.filter(PatientModel.self, \.$preferredLanguage == code)
        case nil: break
        }
        if !search.isEmpty {
            if let reference {
                query = query.filter(\.$reference == reference.value)
            } else {
                query = query.group(.or) { group in
                    for variant in NameSearch.spellings(search) {
                        group.filter(PatientModel.self, \.$lastName =~ variant)
                        group.filter(PatientModel.self, \.$firstName =~ variant)
                    }
                }
            }
        }
        switch filter.order {
        case .newest:
            if let (key, id) = filter.after { query = query.filter(.custom(Self.rowValue("opened_at_us", .lessThan, key, id))) }
            query = query.sort(\.$openedAtMicros, .descending).sort(\.$id, .descending)
        case .overdue:
            query = query.filter(\.$recordsCompletedMicros != nil)
                .filter(\.$state ~~ [CaseState.inReview, .infoRequested, .assigned, .reportDrafted])
            if let (key, id) = filter.after {
                query = query.filter(.custom(Self.rowValue("records_completed_us", .greaterThan, key, id)))
            }
            query = query.sort(\.$recordsCompletedMicros, .ascending).sort(\.$id, .ascending)
        }
        let rows = try await query.limit(Self.pageSize + 1).all()
        let page = Array(rows.prefix(Self.pageSize))
        guard rows.count > Self.pageSize, let last = page.last, let id = last.id else { return (page, nil) }
        let key = filter.order == .newest ? last.openedAtMicros : last.recordsCompletedMicros
        return (page, key.map { "\($0)_\(id.uuidString)" })
    }

    /// `(column, id) < (key, id)`: a row-value comparison both SQLite and PostgreSQL answer from
    /// the (column, id) index, where the equivalent OR of two conditions makes them scan.
    static func rowValue(_ column: String, _ op: SQLBinaryOperator, _ key: Int64, _ id: UUID) -> any SQLExpression {
        SQLBinaryExpression(
            left: SQLGroupExpression([SQLColumn(column, table: CaseModel.schema), SQLColumn("id", table: CaseModel.schema)]), op: op,
            right: SQLGroupExpression([SQLBind(key), SQLBind(id)]))
    }

    /// Reads a cursor written by `page`.
    static func cursor(_ raw: String) -> (Int64, UUID)? {
        let parts = raw.split(separator: "_")
        guard parts.count == 2, let key = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        return (key, id)
    }
}
