import FluentKit
import Foundation
import SQLKit

/// The reads of the busiest signed-in pages (a case, its records, its report), written as plain
/// SQL and run on a reader. Building a query through Fluent costs more than running it: its
/// serialiser quotes every column of the select list one by one, about a tenth of a case page's
/// CPU time when it was measured (bin/bench, issue 12). The rows still decode into the models, so
/// the pages and their tests are unchanged.
extension DatabaseService {
    /// The rows of `M` that belong to the case `caseID` (`case_id`), in the order of `order`
    /// (newest first when `descending`), narrowed by `filter` (" AND ..."), as the page that
    /// shows them reads them.
    func rows<M: FluentKit.Model>(
        _ model: M.Type, ofCase caseID: UUID, orderedBy order: String? = nil, descending: Bool = false, _ filter: SQLQueryString = ""
    ) async throws -> [M] {
        var query: SQLQueryString = "SELECT * FROM \(ident: M.schema) WHERE case_id = \(bind: caseID)"
        query = query + filter
        if let order { query = query + " ORDER BY \(ident: order)" + (descending ? " DESC" : "") }
        return try await read(M.self, query)
    }

    /// `models` with the rows their `parent` key points at, read in one more statement on a
    /// reader (what Fluent's `with(_:)` does, without its query building): the accounts that sent
    /// records, the patients of cases, the agreement versions consents name.
    func withParents<M: FluentKit.Model, P: FluentKit.Model>(
        _ models: [M], _ parent: KeyPath<M, ParentProperty<M, P>>
    ) async throws -> [M] where P.IDValue == UUID {
        let ids = Array(Set(models.map { $0[keyPath: parent].id }))
        guard !ids.isEmpty else { return models }
        let parents = try await read(P.self, "SELECT * FROM \(ident: P.schema) WHERE id IN (\(binds: ids))")
        let byID = Dictionary(uniqueKeysWithValues: parents.compactMap { row in row.id.map { ($0, row) } })
        for model in models {
            guard let row = byID[model[keyPath: parent].id] else { throw PageReadMissing(table: P.schema) }
            model[keyPath: parent].value = row
        }
        return models
    }

    /// A row a foreign key points at is gone: the database's constraints make this impossible.
    struct PageReadMissing: Error {
        let table: String
    }
}
