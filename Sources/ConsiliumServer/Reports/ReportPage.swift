import ConsiliumCore
import Foundation

/// The report page: the form while drafting, the fixed text afterwards.
struct ReportPage: Sendable {
    /// A record to tick as reviewed, or one listed as reviewed: named with who sent it and
    /// when, since two files may bear the same name.
    struct Reviewed: Sendable {
        let id: String
        let name: String
        let sentBy: String
        let sentAt: String
        let checked: Bool
        let viewable: Bool
    }

    let caseID: String
    let reference: String
    let patientName: String
    let question: String
    let clinicalQuestion: String
    let editing: Bool
    let canRelease: Bool
    let version: Int
    let records: [Reviewed]
    let historySummary: String
    let opinion: String
    let recommendations: String
    let answers: String
    let hasError: Bool
    let error: String
    /// The summary's link to the field the error belongs to; empty for the report as a whole.
    let errorAnchor: String
    let hasErrorAnchor: Bool
    /// The fields of the signing, addendum and follow-up forms, with what came back in them
    /// (never a password).
    let signPassword: TypedField
    let addendumPassword: TypedField
    let addendumBody: TypedField
    let followUp: TypedField
    let isSigned: Bool
    let signedBy: String
    let signedAt: String
    let sha256: String
    let reviewed: [Reviewed]
    /// The patient's side reads the courtesy copy of a report addressed to their physician.
    let isCourtesyCopy: Bool
    let physicianName: String
    /// Follow-up questions may be asked and none has been yet.
    let noQuestionsYet: Bool
    let addenda: [Addendum]
    let hasAddenda: Bool
    let questions: [Question]
    let hasQuestions: Bool
    let canAsk: Bool
    let questionsLeft: Int
    let canAddend: Bool

    /// A signed addendum beneath the report.
    struct Addendum: Sendable {
        let title: String
        let body: String
        let signedBy: String
        let signedAt: String
        let sha256: String
    }

    /// A follow-up question and whether it is answered.
    struct Question: Sendable {
        let id: String
        let text: String
        let askedBy: String
        let askedAt: String
        let answered: Bool
        /// Chosen in the addendum form that came back with an error.
        let selected: Bool
    }

    /// The page for `report` of `caseModel`: `typed` is a draft sent back with `error`; `may`
    /// answers the access policy for the person looking.
    init(
        _ caseModel: CaseModel, _ report: ReportModel, shown: ReportQueries.PageData, typed: ReportService.Draft?, error: String?,
        errorField: String? = nil, form: FormData = FormData(), followUpLimit: Int, viewer: Role, may: (AccessPolicy.CaseAction) -> Bool
    ) {
        let reviewed = Set(typed?.recordsReviewed ?? report.recordsReviewed.split(separator: ",").map(String.init))
        let questions = shown.questions
        caseID = caseModel.id?.uuidString.lowercased() ?? ""
        reference = caseModel.caseReference?.display ?? caseModel.reference
        patientName = caseModel.patient.fullName
        question = caseModel.question
        clinicalQuestion = caseModel.clinicalQuestion
        editing = may(.writeReport)
        canRelease = may(.releaseReport)
        version = report.version
        records = shown.records.map {
            let id = $0.id?.uuidString.lowercased() ?? ""
            return Reviewed(
                id: id, name: $0.fileName, sentBy: $0.uploadedBy.displayName, sentAt: $0.createdAt.map(DisplayDate.withTime) ?? "",
                checked: reviewed.contains(id),
                viewable: FileKind(rawValue: $0.kind)?.isViewableInBrowser ?? false)
        }
        historySummary = typed?.historySummary ?? report.historySummary
        opinion = typed?.opinion ?? report.opinion
        recommendations = typed?.recommendations ?? report.recommendations
        answers = typed?.answers ?? report.answers
        hasError = error != nil
        self.error = error ?? ""
        errorAnchor = errorField ?? ""
        hasErrorAnchor = errorField != nil
        signPassword = TypedField("password", errorField: errorField, error: error)
        addendumPassword = TypedField("addendum-password", errorField: errorField, error: error)
        // the addendum's text is kept whichever of its fields was wrong
        let addendumCameBack = errorField?.hasPrefix("addendum-") == true
        addendumBody = TypedField(
            value: addendumCameBack ? form["body"] : "", error: errorField == "addendum-body" ? error : nil)
        followUp = TypedField("question", errorField: errorField, error: error, value: form["question"])
        isSigned = !report.isDraft
        signedBy = report.signedByName
        signedAt = report.signedAt.map(DisplayDate.withTime) ?? ""
        sha256 = report.contentSHA256
        self.reviewed = records.filter(\.checked)
        isCourtesyCopy = AccessPolicy.Relation(role: viewer).isPatientSide
        physicianName = caseModel.physicianName
        addenda = shown.addenda.map { addendum in
            Addendum(
                title: addendum.kind == "correction"
                    ? "Addendum" : "Answer to: \(questions.first { $0.id == addendum.questionID }?.question ?? "a follow-up question")",
                body: addendum.body, signedBy: addendum.signedByName, signedAt: DisplayDate.withTime(addendum.signedAt),
                sha256: addendum.contentSHA256)
        }
        hasAddenda = !shown.addenda.isEmpty
        self.questions = questions.map {
            Question(
                id: $0.id?.uuidString.lowercased() ?? "", text: $0.question, askedBy: $0.askedByName,
                askedAt: DisplayDate.withTime($0.askedAt), answered: $0.answeredAt != nil,
                selected: addendumCameBack && form["question"] == $0.id?.uuidString.lowercased())
        }
        hasQuestions = !questions.isEmpty
        canAsk = may(.askFollowUp) && questions.count < followUpLimit
        questionsLeft = max(0, followUpLimit - questions.count)
        noQuestionsYet = questions.isEmpty
        canAddend = may(.signAddendum)
    }
}
