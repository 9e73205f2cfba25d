import ConsiliumCore
import FluentKit
import Foundation

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
            records: try await RecordModel.query(on: database.db).filter(\.$caseModel.$id == caseID)
                .filter(\.$status == RecordStatus.current).with(\.$uploadedBy).sort(\.$createdAt).all(),
            addenda: try await ReportAddendumModel.query(on: database.db).filter(\.$report.$id == reportID).sort(\.$signedAt).all(),
            questions: try await FollowUpQuestionModel.query(on: database.db).filter(\.$caseModel.$id == caseID).sort(\.$askedAt).all())
    }

    /// A follow-up question of this case, or nil.
    func question(_ id: UUID, of caseModel: CaseModel) async throws -> FollowUpQuestionModel? {
        try await FollowUpQuestionModel.query(on: database.db).filter(\.$id == id).filter(\.$caseModel.$id == caseModel.requireID()).first()
    }
}
