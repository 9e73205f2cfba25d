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

    /// `records` with the accounts that sent them, read in one more statement.
    func withUploaders(_ records: [RecordModel]) async throws -> [RecordModel] {
        let ids = Array(Set(records.map { $0.$uploadedBy.id }))
        guard !ids.isEmpty else { return records }
        let people = try await read(UserModel.self, "SELECT * FROM \(ident: UserModel.schema) WHERE id IN (\(binds: ids))")
        let byID = Dictionary(uniqueKeysWithValues: people.compactMap { user in user.id.map { ($0, user) } })
        for record in records {
            guard let person = byID[record.$uploadedBy.id] else { throw PageReadMissing(table: UserModel.schema) }
            record.$uploadedBy.value = person
        }
        return records
    }

    /// A row a foreign key points at is gone: the database's constraints make this impossible.
    struct PageReadMissing: Error {
        let table: String
    }
}
