import ConsiliumCore
import FluentKit
import Foundation

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
        var order: Order = .newest
        /// The last row of the previous page: its sort date (seconds since 1970) and id.
        var after: (Double, UUID)?
    }

    static let pageSize = 25

    /// One page, and the cursor of the next page if there is one.
    func page(_ filter: Filter) async throws -> (cases: [CaseModel], next: String?) {
        var query = CaseModel.query(on: database.db).with(\.$patient)
        if let state = filter.state { query = query.filter(\.$state == state.rawValue) }
        if let specialty = filter.specialty, !specialty.isEmpty { query = query.filter(\.$specialty == specialty) }
        let search = filter.search.trimmingCharacters(in: .whitespaces)
        if !search.isEmpty {
            if let reference = try? CaseReference(search) {
                query = query.filter(\.$reference == reference.value)
            } else {
                let capitalised = search.prefix(1).uppercased() + search.dropFirst().lowercased()
                query = query.join(PatientModel.self, on: \CaseModel.$patient.$id == \PatientModel.$id)
                    .group(.or) { group in
                        for variant in Set([search, capitalised, search.lowercased(), search.uppercased()]) {
                            group.filter(PatientModel.self, \.$lastName =~ variant)
                            group.filter(PatientModel.self, \.$firstName =~ variant)
                        }
                    }
            }
        }
        switch filter.order {
        case .newest:
            if let (date, id) = filter.after {
                let when = Date(timeIntervalSince1970: date)
                query = query.group(.or) { group in
                    group.filter(\.$createdAt < when)
                    group.group(.and) { $0.filter(\.$createdAt == when).filter(\.$id < id) }
                }
            }
            query = query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
        case .overdue:
            query = query.filter(\.$recordsCompletedAt != nil)
                .filter(\.$state ~~ [CaseState.inReview, .infoRequested, .assigned, .reportDrafted].map(\.rawValue))
            if let (date, id) = filter.after {
                let when = Date(timeIntervalSince1970: date)
                query = query.group(.or) { group in
                    group.filter(\.$recordsCompletedAt > when)
                    group.group(.and) { $0.filter(\.$recordsCompletedAt == when).filter(\.$id > id) }
                }
            }
            query = query.sort(\.$recordsCompletedAt, .ascending).sort(\.$id, .ascending)
        }
        let rows = try await query.limit(Self.pageSize + 1).all()
        let page = Array(rows.prefix(Self.pageSize))
        guard rows.count > Self.pageSize, let last = page.last, let id = last.id else { return (page, nil) }
        let key = filter.order == .newest ? last.createdAt : last.recordsCompletedAt
        return (page, key.map { "\($0.timeIntervalSince1970)_\(id.uuidString)" })
    }

    /// Reads a cursor written by `page`.
    static func cursor(_ raw: String) -> (Double, UUID)? {
        let parts = raw.split(separator: "_")
        guard parts.count == 2, let date = Double(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        return (date, id)
    }
}
