import ConsiliumCore
import Foundation

/// The report page: the form while drafting, the fixed text afterwards.
struct ReportPage: Sendable {
    /// The language of the clinical report and its addenda: consultants write them in English,
    /// the staff's language, so a page in another language marks them for screen readers.
    let clinicalLanguage = Language.english.tag
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
    /// The summary for the patient, its language, and how hard it is to read.
    let patientSummary: String
    let summaryLanguages: [Option]
    let summaryLanguage: String
    let summaryGrade: String
    let summaryAdvisable: Bool
    let hasPatientSummary: Bool
    /// The patient's copy opens with the summary; the physician's ends with it, labelled.
    let summaryFirst: Bool
    let summaryLast: Bool
    let summaryHeading: String
    /// Who wrote the summary and in which language; then each translation, labelled as one.
    let summaryAuthorLine: String
    let summaryTranslations: [SummaryTranslation]
    /// A coordinator may attach a translation by a named translator, signed.
    let canTranslate: Bool
    let translationLanguages: [Option]
    let translation: TypedField
    let translator: TypedField
    let translationPassword: TypedField
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
    /// "You can ask up to 3 follow-up questions about this report.", with the reader's plurals.
    let questionsLeftText: String
    let canAddend: Bool

    /// A signed addendum beneath the report.
    struct Addendum: Sendable {
        let title: String
        let body: String
        let signedBy: String
        let signedAt: String
        let sha256: String
    }

    /// A translation of the patient's summary, attached by a coordinator.
    struct SummaryTranslation: Sendable {
        let label: String
        let body: String
        let language: String
        let seal: String
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
        errorField: String? = nil, form: FormData = FormData(), followUpLimit: Int, viewer: Role, wording: Wording,
        may: (AccessPolicy.CaseAction) -> Bool
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
                id: id, name: $0.fileName, sentBy: $0.uploadedBy.displayName,
                sentAt: $0.createdAt.map { DisplayDate.withTime($0, in: wording.language) } ?? "",
                checked: reviewed.contains(id),
                viewable: FileKind(rawValue: $0.kind)?.isViewableInBrowser ?? false)
        }
        historySummary = typed?.historySummary ?? report.historySummary
        opinion = typed?.opinion ?? report.opinion
        recommendations = typed?.recommendations ?? report.recommendations
        answers = typed?.answers ?? report.answers
        let summary = typed?.patientSummary ?? report.patientSummary
        let language = Language(tag: typed?.patientSummaryLanguage ?? report.patientSummaryLanguage ?? "") ?? .english
        patientSummary = summary
        summaryLanguage = language.tag
        summaryLanguages = Language.allCases.map {
            Option(value: $0.tag, label: $0.englishName, selected: $0 == language, id: "patientSummaryLanguage-\($0.tag)")
        }
        let readability = Readability(summary, language: language)
        summaryAdvisable = readability.isAdvisable
        summaryGrade = Self.gradeSentence(readability, language: language, empty: summary.trimmingCharacters(in: .whitespaces).isEmpty)
        hasPatientSummary = !summary.isEmpty
        let patientSide = AccessPolicy.Relation(role: viewer).isPatientSide
        summaryFirst = hasPatientSummary && patientSide
        summaryLast = hasPatientSummary && !patientSide
        summaryHeading = wording(patientSide ? "report-summary-for-you" : "report-summary-as-written")
        // the physician reads the labels in their own language too
        let labels = wording
        func languageName(_ tag: String) -> String { labels.language.locale.localizedString(forLanguageCode: tag) ?? tag }
        summaryAuthorLine = labels(
            "report-summary-written-by", ["name": .text(report.signedByName), "language": .text(languageName(language.tag))])
        summaryTranslations = shown.addenda.filter { $0.kind == "summary_translation" }.map { addendum in
            SummaryTranslation(
                label: labels(
                    "report-summary-translated",
                    [
                        "language": .text(languageName(addendum.language ?? "")),
                        "translator": .text(addendum.translator ?? ""), "coordinator": .text(addendum.signedByName),
                        "date": .text(DisplayDate.long(addendum.signedAt, in: labels.language)),
                    ]),
                body: addendum.body, language: addendum.language ?? "",
                seal: "SHA-256: \(addendum.contentSHA256)")
        }
        canTranslate = may(.coordinate) && !report.isDraft && !report.patientSummary.isEmpty
        let summaryLanguageTag = report.patientSummaryLanguage ?? Language.english.tag
        translationLanguages = Language.allCases.filter { $0.tag != summaryLanguageTag }.map {
            Option(
                value: $0.tag, label: $0.englishName, selected: form["translationLanguage"] == $0.tag, id: "translationLanguage-\($0.tag)")
        }
        let translationCameBack = ["translation", "translator", "translationLanguage", "translation-password"].contains(errorField ?? "")
        translation = TypedField(
            value: translationCameBack ? form["translation"] : "", error: errorField == "translation" ? error : nil)
        translator = TypedField(value: translationCameBack ? form["translator"] : "", error: errorField == "translator" ? error : nil)
        translationPassword = TypedField("translation-password", errorField: errorField, error: error)
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
        signedAt = report.signedAt.map { DisplayDate.withTime($0, in: wording.language) } ?? ""
        sha256 = report.contentSHA256
        self.reviewed = records.filter(\.checked)
        isCourtesyCopy = AccessPolicy.Relation(role: viewer).isPatientSide
        physicianName = caseModel.physicianName
        addenda = shown.addenda.filter { $0.kind != "summary_translation" }.map { addendum in
            Addendum(
                title: addendum.kind == "correction"
                    ? wording("report-addendum")
                    : wording(
                        "report-answer-to", ["question": .text(questions.first { $0.id == addendum.questionID }?.question ?? "…")]),
                body: addendum.body, signedBy: addendum.signedByName,
                signedAt: DisplayDate.withTime(addendum.signedAt, in: wording.language),
                sha256: addendum.contentSHA256)
        }
        hasAddenda = !addenda.isEmpty
        self.questions = questions.map {
            Question(
                id: $0.id?.uuidString.lowercased() ?? "", text: $0.question, askedBy: $0.askedByName,
                askedAt: DisplayDate.withTime($0.askedAt, in: wording.language), answered: $0.answeredAt != nil,
                selected: addendumCameBack && form["question"] == $0.id?.uuidString.lowercased())
        }
        hasQuestions = !questions.isEmpty
        canAsk = may(.askFollowUp) && questions.count < followUpLimit
        questionsLeft = max(0, followUpLimit - questions.count)
        questionsLeftText = wording(
            questions.isEmpty ? "report-questions-up-to" : "report-questions-more", ["count": .number(questionsLeft)])
        noQuestionsYet = questions.isEmpty
        canAddend = may(.signAddendum)
    }
}
