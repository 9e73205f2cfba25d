import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// What the report's pages read beside the report, always within the case already loaded
/// through `CaseQueries`: its current records, the report's addenda, the case's follow-up
/// questions.
struct ReportQueries: Sendable {
    let database: DatabaseService

    /// Everything the report page shows besides the case and the report.
    struct PageData: Sendable {
        let records: [RecordModel]
        let addenda: [ReportAddendumModel]
        let questions: [FollowUpQuestionModel]
    }

    func pageData(_ caseModel: CaseModel, _ report: ReportModel) async throws -> PageData {
        let caseID = try caseModel.requireID()
        let reportID = try report.requireID()
        return PageData(
            records: try await database.withParents(
                database.rows(
                    RecordModel.self, ofCase: caseID, orderedBy: "created_at", " AND status = \(bind: RecordStatus.current.rawValue)"),
                \.$uploadedBy),
            addenda: try await database.read(
                ReportAddendumModel.self,
                "SELECT * FROM \(ident: ReportAddendumModel.schema) WHERE report_id = \(bind: reportID) ORDER BY signed_at"),
            questions: try await database.rows(FollowUpQuestionModel.self, ofCase: caseID, orderedBy: "asked_at"))
    }

    /// A follow-up question of this case, or nil.
    func question(_ id: UUID, of caseModel: CaseModel) async throws -> FollowUpQuestionModel? {
        try await FollowUpQuestionModel.query(on: database.db).filter(\.$id == id).filter(\.$caseModel.$id == caseModel.requireID()).first()
    }
}
