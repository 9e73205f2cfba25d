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
        /// The last row of the previous page: its sort key (microseconds) and id.
        var after: (Int64, UUID)?
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
            if let (key, id) = filter.after {
                query = query.group(.or) { group in
                    group.filter(\.$openedAtMicros < key)
                    group.group(.and) { $0.filter(\.$openedAtMicros == key).filter(\.$id < id) }
                }
            }
            query = query.sort(\.$openedAtMicros, .descending).sort(\.$id, .descending)
        case .overdue:
            query = query.filter(\.$recordsCompletedMicros != nil)
                .filter(\.$state ~~ [CaseState.inReview, .infoRequested, .assigned, .reportDrafted].map(\.rawValue))
            if let (key, id) = filter.after {
                query = query.group(.or) { group in
                    group.filter(\.$recordsCompletedMicros > key)
                    group.group(.and) { $0.filter(\.$recordsCompletedMicros == key).filter(\.$id > id) }
                }
            }
            query = query.sort(\.$recordsCompletedMicros, .ascending).sort(\.$id, .ascending)
        }
        let rows = try await query.limit(Self.pageSize + 1).all()
        let page = Array(rows.prefix(Self.pageSize))
        guard rows.count > Self.pageSize, let last = page.last, let id = last.id else { return (page, nil) }
        let key = filter.order == .newest ? last.openedAtMicros : last.recordsCompletedMicros
        return (page, key.map { "\($0)_\(id.uuidString)" })
    }

    /// Reads a cursor written by `page`.
    static func cursor(_ raw: String) -> (Int64, UUID)? {
        let parts = raw.split(separator: "_")
        guard parts.count == 2, let key = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        return (key, id)
    }
}
