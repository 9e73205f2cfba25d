import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// Drafting, signing and releasing a consultant's report. Saves are conditional on the version
/// the writer started from, so two tabs cannot silently overwrite each other; a signed report
/// is never written again by any path here.
struct ReportService: Sendable {
    let database: DatabaseService
    let workflow: CaseWorkflow
    let outbox: Outbox
    let mail: CaseMail
    let audit: AuditLog

    /// The fields a consultant writes.
    struct Draft: Sendable {
        var recordsReviewed: [String]
        var historySummary: String
        var opinion: String
        var recommendations: String
        var answers: String
        var patientSummary: String = ""
        /// The tag of the language the summary is written in.
        var patientSummaryLanguage: String = Language.english.tag
    }

    /// Why a change was refused.
    enum Refusal: Error, Equatable {
        /// Someone saved a newer version since this one was opened.
        case staleVersion(current: Int)
        case notDraft
        case incomplete([String])
        case wrongPassword
        case followUpLimit(Int)
        case alreadyAnswered
    }

    /// The case's report, made empty for its assigned consultant on first opening.
    func report(for caseModel: CaseModel, creatingFor consultantID: UserID? = nil) async throws -> ReportModel? {
        let caseID = try caseModel.requireID()
        if let existing = try await database.rows(ReportModel.self, ofCase: caseID).first { return existing }
        guard let consultantID else { return nil }
        let report = ReportModel()
        report.$caseModel.id = caseID
        report.consultantID = consultantID.rawValue
        report.version = 0
        report.status = ReportStatus.draft
        report.recordsReviewed = ""
        report.historySummary = ""
        report.opinion = ""
        report.recommendations = ""
        report.answers = ""
        report.patientSummary = ""
        report.signedByName = ""
        report.contentSHA256 = ""
        report.courtesyCopy = false
        do {
            try await report.create(on: database.db)
            return report
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await ReportModel.query(on: database.db).filter(\.$caseModel.$id == caseID).first()
        }
    }

    /// Saves a draft if it is still at `version`; returns the new version. Only the case's own
    /// current records can be named as reviewed: an id from anywhere else is dropped, so a signed
    /// report never vouches for a document that is not in its case.
    func save(_ report: ReportModel, draft: Draft, version: Int, patientID: PatientID, actor: AuditLog.Actor) async throws -> Int {
        let caseRecords = try await RecordModel.query(on: database.db).filter(\.$caseModel.$id == report.$caseModel.id)
            .filter(\.$status == RecordStatus.current).all(\.$id)
        let ours = Set(caseRecords.map { $0.uuidString.lowercased() })
        var kept: [String] = []
        for id in draft.recordsReviewed.map({ $0.lowercased() }) where ours.contains(id) && !kept.contains(id) { kept.append(id) }
        let reviewed = kept
        let reportID = try report.requireID()
        let saved = try await database.db.transaction { tx -> Int? in
            guard let sql = tx as? any SQLDatabase else { throw Refusal.notDraft }
            let row = try await sql.update(ReportModel.schema)
                .set("records_reviewed", to: reviewed.joined(separator: ","))
                .set("history_summary", to: draft.historySummary)
                .set("opinion", to: draft.opinion)
                .set("recommendations", to: draft.recommendations)
                .set("answers", to: draft.answers)
                .set("patient_summary", to: draft.patientSummary)
                .set("patient_summary_language", to: Language(tag: draft.patientSummaryLanguage)?.tag ?? Language.english.tag)
                .set("version", to: SQLRaw("version + 1"))
                .set("updated_at", to: Date())
                .where("id", .equal, reportID)
                .where("version", .equal, version)
                .where("status", .equal, ReportStatus.draft)
                .returning("version")
                .first()
            guard let newVersion = try row?.decode(column: "version", as: Int.self) else { return nil }
            try await audit.record(
                .reportDraftSaved, by: actor,
                on: .init(type: "DiagnosticReport", id: reportID.uuidString, patientID: patientID),
                detail: "version \(newVersion)", in: tx)
            return newVersion
        }
        guard let saved else {
            let current = try await ReportModel.find(report.id, on: database.db)
            if current?.isDraft == false { throw Refusal.notDraft }
            throw Refusal.staleVersion(current: current?.version ?? version)
        }
        return saved
    }

    /// Fixes the report: its text, signer, time and hash. The case moves to `report_drafted`.
    func sign(
        _ report: ReportModel, caseModel: CaseModel, version: Int, signer: SignedInUser, mover: CaseWorkflow.Mover, now: Date = Date()
    ) async throws {
        let content = ReportContent(
            caseReference: caseModel.reference, recordsReviewed: report.recordsReviewed.split(separator: ",").map(String.init),
            historySummary: report.historySummary, opinion: report.opinion, recommendations: report.recommendations,
            answers: report.answers, patientSummary: report.patientSummary,
            patientSummaryLanguage: report.patientSummaryLanguage ?? Language.english.tag, signer: signer.displayName, signedAt: now)
        guard content.missing.isEmpty else { throw Refusal.incomplete(content.missing) }
        try await database.db.transaction { tx in
            guard let tsql = tx as? any SQLDatabase else { throw Refusal.notDraft }
            let row = try await tsql.update(ReportModel.schema)
                .set("status", to: ReportStatus.signed)
                .set("signed_at", to: now)
                .set("signed_by_name", to: signer.displayName)
                .set("content_sha256", to: content.sha256)
                .set("version", to: SQLRaw("version + 1"))
                .where("id", .equal, try report.requireID())
                .where("version", .equal, version)
                .where("status", .equal, ReportStatus.draft)
                .returning("version")
                .first()
            guard row != nil else { throw Refusal.staleVersion(current: version) }
            try await workflow.move(caseModel, to: .reportDrafted, by: mover, reason: TimelineReason.reportSigned.rawValue, in: tx)
        }
    }

    /// Adds a signed addendum beneath a signed report: a correction, or the answer to a question.
    func addAddendum(
        _ report: ReportModel, body: String, question: FollowUpQuestionModel?, signer: SignedInUser, caseModel: CaseModel,
        actor: AuditLog.Actor, now: Date = Date()
    ) async throws {
        let kind = question == nil ? "correction" : "follow_up_answer"
        try await sign(
            report, kind: kind, hashed: question?.question ?? "", body: body, signer: signer, caseModel: caseModel, actor: actor, now: now
        ) { addendum, tx in
            addendum.questionID = try question?.requireID()
            do {
                try await addendum.create(on: tx)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw Refusal.alreadyAnswered
            }
            if let question {
                question.answeredAt = now
                try await question.update(on: tx)
            }
        }
    }

    /// A coordinator attaches a translation of the patient's summary, made by a named
    /// translator, as a signed addendum. Its hash chains to the report's, and covers the
    /// language and the translator with the text.
    func attachSummaryTranslation(
        _ report: ReportModel, body: String, language: Language, translator: String, signer: SignedInUser, caseModel: CaseModel,
        actor: AuditLog.Actor, now: Date = Date()
    ) async throws {
        try await sign(
            report, kind: "summary_translation", hashed: "\(language.tag)\n\(translator)", body: body, signer: signer, caseModel: caseModel,
            actor: actor, now: now
        ) { addendum, tx in
            addendum.language = language.tag
            addendum.translator = translator
            try await addendum.create(on: tx)
        }
    }

    /// One signed addendum of `kind`, in one transaction: made, hashed over `hashed` (the
    /// question answered, or a translation's language and translator) and the text, stored by
    /// `store`, audited, and announced to the report's readers once it is released.
    private func sign(
        _ report: ReportModel, kind: String, hashed: String, body: String, signer: SignedInUser, caseModel: CaseModel,
        actor: AuditLog.Actor, now: Date, store: @escaping @Sendable (ReportAddendumModel, any Database) async throws -> Void
    ) async throws {
        guard !report.isDraft else { throw Refusal.notDraft }
        try await database.db.transaction { tx in
            let addendum = ReportAddendumModel()
            addendum.$report.id = try report.requireID()
            addendum.kind = kind
            addendum.body = body
            addendum.signedByName = signer.displayName
            addendum.signedAt = now
            addendum.contentSHA256 = ReportContent.addendumSHA256(
                reportSHA256: report.contentSHA256, kind: kind, question: hashed, body: body, signer: signer.displayName, signedAt: now)
            try await store(addendum, tx)
            try await audit.record(
                .reportAddendumSigned, by: actor,
                on: .init(
                    type: "DiagnosticReport", id: try report.requireID().uuidString, patientID: PatientID(rawValue: caseModel.$patient.id)),
                detail: kind, in: tx)
            if report.status == ReportStatus.released {
                try await notifyReaders(report, caseModel: caseModel, in: tx)
            }
        }
    }

    /// A treating physician's question after release, up to `limit` per case.
    func askFollowUp(_ caseModel: CaseModel, question: String, by physician: SignedInUser, limit: Int, actor: AuditLog.Actor) async throws {
        let caseID = try caseModel.requireID()
        try await database.db.transaction { tx in
            try await CaseModel.lock(CaseID(rawValue: caseID), in: tx)
            let asked = try await FollowUpQuestionModel.query(on: tx).filter(\.$caseModel.$id == caseID).count()
            guard asked < limit else { throw Refusal.followUpLimit(limit) }
            let model = FollowUpQuestionModel()
            model.$caseModel.id = caseID
            model.askedAt = Date()
            model.askedBy = physician.id.rawValue
            model.askedByName = physician.displayName
            model.question = question
            try await model.create(on: tx)
            try await audit.record(
                .followUpAsked, by: actor,
                on: .init(type: "Case", id: caseID.uuidString, patientID: PatientID(rawValue: caseModel.$patient.id)),
                in: tx)
            if let consultantID = caseModel.assignedConsultantID, let consultant = try await UserModel.find(consultantID, on: tx) {
                try await outbox.enqueue(mail.followUpAsked(to: consultant.email, caseID: caseID), in: tx)
            }
        }
    }

    /// Tells the physician and (with a courtesy copy) the patient's side that the report has news.
    private func notifyReaders(_ report: ReportModel, caseModel: CaseModel, in tx: any Database) async throws {
        let caseID = try caseModel.requireID()
        if let physicianID = caseModel.$treatingPhysician.id, let physician = try await UserModel.find(physicianID, on: tx) {
            try await outbox.enqueue(mail.reportReleased(to: physician.email, caseID: caseID, in: physician.mailLanguage), in: tx)
        }
        guard report.courtesyCopy else { return }
        let links = try await PatientAccessModel.query(on: tx).filter(\.$patient.$id == caseModel.$patient.id).with(\.$user).all()
        for link in links where link.user.disabledAt == nil {
            try await outbox.enqueue(mail.reportReleased(to: link.user.email, caseID: caseID, in: link.user.mailLanguage), in: tx)
        }
    }

    /// Makes the signed report available to the treating physician and, unless the courtesy
    /// copy was declined at signing or by telephone, to the patient's side; all are told by mail.
    func release(_ report: ReportModel, caseModel: CaseModel, mover: CaseWorkflow.Mover, now: Date = Date()) async throws {
        let caseID = try caseModel.requireID()
        let consent = try await ConsentRecordModel.query(on: database.db).filter(\.$patient.$id == caseModel.$patient.id)
            .sort(\.$signedAt, .descending).first()
        let phoned = try await CourtesyCopyOptOutModel.query(on: database.db).filter(\.$caseModel.$id == caseID).count() > 0
        let courtesy = CourtesyCopyRule.patientReceivesCopy(declinedAtSigning: consent?.courtesyCopy == false, declinedByPhone: phoned)
        try await database.db.transaction { tx in
            guard let tsql = tx as? any SQLDatabase else { throw Refusal.notDraft }
            let row = try await tsql.update(ReportModel.schema)
                .set("status", to: ReportStatus.released)
                .set("released_at", to: now)
                .set("courtesy_copy", to: courtesy)
                .where("id", .equal, try report.requireID())
                .where("status", .equal, ReportStatus.signed)
                .returning("id")
                .first()
            guard row != nil else { throw Refusal.notDraft }
            try await workflow.move(caseModel, to: .released, by: mover, reason: TimelineReason.reportReleased.rawValue, in: tx)
            if let physicianID = caseModel.$treatingPhysician.id, let physician = try await UserModel.find(physicianID, on: tx) {
                try await outbox.enqueue(mail.reportReleased(to: physician.email, caseID: caseID, in: physician.mailLanguage), in: tx)
            }
            if courtesy {
                let links = try await PatientAccessModel.query(on: tx).filter(\.$patient.$id == caseModel.$patient.id).with(\.$user).all()
                for link in links where link.user.disabledAt == nil {
                    try await outbox.enqueue(mail.reportReleased(to: link.user.email, caseID: caseID, in: link.user.mailLanguage), in: tx)
                }
            }
        }
    }
}
