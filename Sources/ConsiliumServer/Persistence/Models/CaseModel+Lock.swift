import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

extension CaseModel {
    /// Takes the case's row lock until the transaction `tx` ends, so that a rule counted over
    /// the case (the follow-up limit, the space left for records) holds when two requests for
    /// the same case race: the second waits, then counts what the first wrote. A no-op update
    /// locks the row on PostgreSQL and takes the write lock on SQLite.
    static func lock(_ caseID: CaseID, in tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.raw("UPDATE cases SET state = state WHERE id = \(bind: caseID.rawValue)").run()
    }
}
