import ConsiliumCore
import Foundation

/// The new-case form.
struct NewCasePage: Sendable {
    let summary: FormErrors
    let patient: ChoiceInput
    let askPatient: Bool
    let specialty: ChoiceInput
    let question: TextInput
    let diagnosis: TextInput
    let treatments: TextInput
    let physicianName: TextInput
    let physicianEmail: TextInput
    let physicianNPI: TextInput

    init(form: FormData, errors: [String: String], patients: [(String, String)], specialties: [String], wording: Wording) {
        patient = ChoiceInput(
            "patientID", label: wording("request-who-for"), choices: patients,
            selected: form["patientID"].isEmpty ? (patients.first?.0 ?? "") : form["patientID"],
            error: errors["patientID"], radio: true)
        askPatient = patients.count > 1
        specialty = ChoiceInput(
            "specialty", label: wording("request-specialty"), choices: [("", wording("select-prompt"))] + specialties.map { ($0, $0) },
            selected: form["specialty"],
            error: errors["specialty"], radio: false)
        question = TextInput(
            "question", label: wording("request-question"), value: form["question"], hint: wording("request-question-hint"),
            error: errors["question"])
        diagnosis = TextInput(
            "diagnosis", label: wording("request-diagnosis"), value: form["diagnosis"], error: errors["diagnosis"])
        treatments = TextInput(
            "treatments", label: wording("request-treatments"), value: form["treatments"], error: errors["treatments"])
        physicianName = TextInput(
            "physicianName", label: wording("request-physician-name"), value: form["physicianName"], error: errors["physicianName"])
        physicianEmail = TextInput(
            "physicianEmail", label: wording("request-physician-email"), value: form["physicianEmail"], type: "email",
            hint: wording("request-physician-email-hint"), error: errors["physicianEmail"])
        physicianNPI = TextInput(
            "physicianNPI", label: wording("request-physician-npi"), value: form["physicianNPI"],
            hint: wording("request-physician-npi-hint"),
            error: errors["physicianNPI"])
        let patientAnchor = patient.anchor
        summary = FormErrors(
            ["patientID", "specialty", "question", "diagnosis", "treatments", "physicianName", "physicianEmail", "physicianNPI"].map {
                ($0 == "patientID" ? patientAnchor : $0, errors[$0])
            })
    }
}

/// The case page: its summary and timeline.
struct CasePage: Sendable {
    /// One step of the timeline.
    struct Event: Sendable {
        let when: String
        let what: String
        let who: String
        let why: String
        let took: String
        let hasTook: Bool
    }

    let id: String
    let reference: String
    let patientName: String
    /// The patient's language and interpreter need, for the coordinators who telephone.
    let patientLanguage: String
    let showsPatientLanguage: Bool
    let stateLabel: String
    let specialty: String
    let question: String
    let diagnosis: String
    let hasDiagnosis: Bool
    let treatments: String
    let hasTreatments: Bool
    let physicianName: String
    let physicianEmail: String
    let hasClinicalDetails: Bool
    let clinicalHistory: String
    let clinicalQuestion: String
    let materials: String
    let events: [Event]
    let isPatientSide: Bool
    let physicianDeclined: Bool
    let waitingForPhysician: Bool
    let rename: [TextInput]
    let summary: FormErrors
    let messages: [Message]
    let hasMessages: Bool
    let hasClock: Bool
    let clock: String
    let clockOverdue: Bool
    let staff: StaffPanel
    let isStaff: Bool
    let hasReport: Bool
    /// The viewer is asked for information and may answer here.
    let canAnswer: Bool
    /// The answer as typed, when it came back with an error.
    let answer: TypedField

    /// A coordinator's message as the viewer may read it.
    struct Message: Sendable {
        let when: String
        let author: String
        let kind: String
        let body: String
    }

    /// What a coordinator can do from here, each action with its own field, what was typed
    /// into it and what was wrong with it; and the courtesy-copy position.
    struct StaffPanel: Sendable {
        let canComplete: Bool
        let canReview: Bool
        let canAssign: Bool
        let canClose: Bool
        let consultants: [Option]
        let hasConsultants: Bool
        let hasConsultantError: Bool
        let consultantError: String
        let courtesyCopy: String
        let optOuts: [String]
        let hasOptOuts: Bool
        /// The patient may still telephone to decline the copy: the report is not yet released.
        let canRecordOptOut: Bool
        /// How to reach whoever opened the request: name, telephone (and best time), address.
        let contact: String
        let hasContact: Bool
        let request: TypedField
        let decline: TypedField
        let optOut: TypedField

        static let none = StaffPanel(
            canComplete: false, canReview: false, canAssign: false, canClose: false, consultants: [], hasConsultants: false,
            hasConsultantError: false, consultantError: "", courtesyCopy: "", optOuts: [], hasOptOuts: false, canRecordOptOut: false,
            contact: "", hasContact: false, request: .blank, decline: .blank, optOut: .blank)
    }

    /// The anchors of the fields a case page's forms can come back with errors for, in page order.
    static let errorAnchors = [
        "answer", "consultant", "request-message", "decline-message", "optout-note", "physicianName", "physicianEmail", "physicianNPI",
    ]

    init(
        _ caseModel: CaseModel, events: [CaseEventModel], viewer: SignedInUser, renameForm: FormData = FormData(),
        errors: [String: String] = [:], messages: [CaseMessageModel] = [], staff: StaffPanel = .none, turnaroundDays: Int = 7,
        report: ReportModel? = nil, records: [RecordModel] = [], wording: Wording, now: Date = Date()
    ) {
        id = caseModel.id?.uuidString.lowercased() ?? ""
        reference = caseModel.caseReference?.display ?? caseModel.reference
        patientName = caseModel.patient.fullName
        stateLabel = wording(caseModel.state.label(for: viewer.role))
        specialty = caseModel.specialty
        question = caseModel.question
        diagnosis = caseModel.diagnosis
        hasDiagnosis = !caseModel.diagnosis.isEmpty
        treatments = caseModel.treatments
        hasTreatments = !caseModel.treatments.isEmpty
        physicianName = caseModel.physicianName
        physicianEmail = caseModel.physicianEmail
        hasClinicalDetails = !caseModel.clinicalHistory.isEmpty
        clinicalHistory = caseModel.clinicalHistory
        clinicalQuestion = caseModel.clinicalQuestion
        materials = caseModel.materials
        var previous: Date?
        let moves = events.map { event in
            defer { previous = event.occurredAt }
            return (
                event.occurredAt,
                Event(
                    when: DisplayDate.withTime(event.occurredAt, in: wording.language),
                    what: wording(event.toState.label(for: viewer.role)),
                    who: Self.person(event.actorName, role: Role(rawValue: event.actorRole), wording),
                    why: wording(TimelineReason.message(for: event.reason)) ?? event.reason,
                    took: previous.map { Self.duration(event.occurredAt.timeIntervalSince($0), wording) } ?? "", hasTook: previous != nil)
            )
        }
        // Records sent, by whom and of what kind; never the file's name, which may say what it holds.
        let sent = records.compactMap { record -> (Date, Event)? in
            guard let at = record.createdAt else { return nil }
            let category = RecordModel.categoryName(record.category, wording)
            let kind = wording(FileKind(rawValue: record.kind)?.message ?? ConsiliumCore.Message("file-kind-other"))
            return (
                at,
                Event(
                    when: DisplayDate.withTime(at, in: wording.language), what: wording("case-record-received"),
                    who: Self.person(record.uploadedBy.displayName, role: record.uploadedBy.role, wording),
                    why: "\(kind), \(category.lowercased())", took: "", hasTook: false)
            )
        }
        self.events = (moves + sent).sorted { $0.0 < $1.0 }.map(\.1)
        let relation = AccessPolicy.Relation(role: viewer.role)
        let facts = CaseAccess.facts(caseModel, report: report, viewer: viewer)
        isPatientSide = relation.isPatientSide
        physicianDeclined = caseModel.state == .physicianDeclined
        waitingForPhysician = caseModel.state == .submitted
        rename = [
            TextInput(
                "physicianName", label: wording("request-physician-name"), value: renameForm["physicianName"],
                error: errors["physicianName"]
            ),
            TextInput(
                "physicianEmail", label: wording("request-physician-email"), value: renameForm["physicianEmail"], type: "email",
                error: errors["physicianEmail"]),
            TextInput(
                "physicianNPI", label: wording("request-physician-npi"), value: renameForm["physicianNPI"], error: errors["physicianNPI"]),
        ]
        summary = FormErrors(Self.errorAnchors.map { ($0, errors[$0]) })
        answer = TypedField(value: renameForm["answer"], error: errors["answer"])
        self.messages = messages.filter { relation.reads(messagesTo: $0.audience) }.map {
            Message(
                when: $0.createdAt.map { DisplayDate.withTime($0, in: wording.language) } ?? "", author: $0.authorName,
                kind: wording(
                    $0.kind == "decline" ? "case-message-decline" : ($0.kind == "reply" ? "case-message-reply" : "case-message-request")),
                body: $0.body)
        }
        hasMessages = !self.messages.isEmpty
        // The clock runs from complete records to the report's release, then stops.
        let stoppedAt = report?.releasedAt
        let running = caseModel.recordsCompletedAt.map { (stoppedAt ?? now).timeIntervalSince($0) }
        hasClock = running != nil
        clock =
            running.map {
                wording(
                    stoppedAt == nil ? "case-clock-running" : "case-clock-stopped",
                    ["duration": .text(Self.duration($0, wording)), "days": .number(turnaroundDays)])
            } ?? ""
        clockOverdue = (running ?? 0) > Double(turnaroundDays) * 86400
        self.staff = staff
        isStaff = AccessPolicy.allows(.coordinate, relation, facts)
        patientLanguage = PatientLanguage.display(caseModel.patient)
        showsPatientLanguage = isStaff && !patientLanguage.isEmpty
        // Whoever the latest request asked.
        let asked = Set(messages.last { $0.kind == "info_request" }.map { [$0.audience] } ?? [])
        canAnswer = AccessPolicy.allows(.answerRequest, relation, facts) && asked.contains { relation.reads(messagesTo: $0) }
        hasReport = AccessPolicy.allows(.viewReport, relation, facts)
    }

    /// "3 days", "5 hours", "12 minutes": how long a step took, with the reader's plural rules.
    static func duration(_ seconds: TimeInterval, _ wording: Wording) -> String {
        let minutes = max(Int(seconds / 60), 0)
        if minutes < 60 { return wording("duration-minutes", ["count": .number(minutes)]) }
        let hours = minutes / 60
        if hours < 48 { return wording("duration-hours", ["count": .number(hours)]) }
        return wording("duration-days", ["count": .number(hours / 24)])
    }

    /// "Helen Park (Consultant)": who did something, with their role in the reader's language.
    static func person(_ name: String, role: Role?, _ wording: Wording) -> String {
        // a step the service took by itself is signed with its name
        let roleName = role.map(wording.role) ?? "Consilium"
        return "\(name) (\(roleName))"
    }
}

/// The letter a patient gives their physician.
struct LetterPage: Sendable {
    let caseID: String
    let reference: String
    let physicianName: String
    /// The letter's language named in the page's language, and the others it can be printed in,
    /// each named in itself.
    let letterLanguageName: String
    let otherLanguages: [LanguageLink]
    /// The letter itself, rendered in its own language (`cases/letter-body`).
    let letter: RenderedFragment

    struct LanguageLink: Sendable {
        let tag: String
        let name: String
    }
}

/// The letter's own words, in the language the physician reads.
struct LetterBody: Sendable {
    let language: String
    let serviceName: String
    let institutionName: String
    let servicePhone: String
    let date: String
    let reference: String
    let patientName: String
    let physicianName: String
    let registerURL: String
    let joinURL: String
}
