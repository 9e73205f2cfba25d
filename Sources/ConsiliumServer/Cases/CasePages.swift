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

    init(form: FormData, errors: [String: String], patients: [(String, String)], specialties: [String]) {
        patient = ChoiceInput(
            "patientID", label: "Who is the consultation for?", choices: patients,
            selected: form["patientID"].isEmpty ? (patients.first?.0 ?? "") : form["patientID"],
            error: errors["patientID"], radio: true)
        askPatient = patients.count > 1
        specialty = ChoiceInput(
            "specialty", label: "Kind of specialist", choices: [("", "Select")] + specialties.map { ($0, $0) }, selected: form["specialty"],
            error: errors["specialty"], radio: false)
        question = TextInput(
            "question", label: "Your question, in your own words", value: form["question"],
            hint: "For example: Is surgery the right treatment for me, or are there other options?", error: errors["question"])
        diagnosis = TextInput(
            "diagnosis", label: "Current diagnosis, if you know it (optional)", value: form["diagnosis"], error: errors["diagnosis"])
        treatments = TextInput(
            "treatments", label: "Current treatments and medications (optional)", value: form["treatments"], error: errors["treatments"])
        physicianName = TextInput(
            "physicianName", label: "Your treating physician's name", value: form["physicianName"], error: errors["physicianName"])
        physicianEmail = TextInput(
            "physicianEmail", label: "Your physician's email address", value: form["physicianEmail"], type: "email",
            hint: "We send your physician a link to join. It contains no health information.", error: errors["physicianEmail"])
        physicianNPI = TextInput(
            "physicianNPI", label: "Your physician's NPI (optional)", value: form["physicianNPI"],
            hint: "The 10-digit National Provider Identifier, if you know it.", error: errors["physicianNPI"])
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
                    when: DisplayDate.withTime(event.occurredAt), what: wording(event.toState.label(for: viewer.role)),
                    who: "\(event.actorName) (\((Role(rawValue: event.actorRole)?.displayName ?? "Consilium")))", why: event.reason,
                    took: previous.map { Self.duration(event.occurredAt.timeIntervalSince($0)) } ?? "", hasTook: previous != nil)
            )
        }
        // Records sent, by whom and of what kind; never the file's name, which may say what it holds.
        let sent = records.compactMap { record -> (Date, Event)? in
            guard let at = record.createdAt else { return nil }
            let category = RecordModel.categories.first { $0.0 == record.category }?.1 ?? record.category
            let kind = FileKind(rawValue: record.kind)?.wording ?? "File"
            return (
                at,
                Event(
                    when: DisplayDate.withTime(at), what: "Record received",
                    who: "\(record.uploadedBy.displayName) (\(record.uploadedBy.role?.displayName ?? "Consilium"))",
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
                "physicianName", label: "Your treating physician's name", value: renameForm["physicianName"], error: errors["physicianName"]
            ),
            TextInput(
                "physicianEmail", label: "Your physician's email address", value: renameForm["physicianEmail"], type: "email",
                error: errors["physicianEmail"]),
            TextInput(
                "physicianNPI", label: "Your physician's NPI (optional)", value: renameForm["physicianNPI"], error: errors["physicianNPI"]),
        ]
        summary = FormErrors(Self.errorAnchors.map { ($0, errors[$0]) })
        answer = TypedField(value: renameForm["answer"], error: errors["answer"])
        self.messages = messages.filter { relation.reads(messagesTo: $0.audience) }.map {
            Message(
                when: $0.createdAt.map { DisplayDate.withTime($0) } ?? "", author: $0.authorName,
                kind: $0.kind == "decline" ? "Why the case was declined" : ($0.kind == "reply" ? "Answer" : "More information needed"),
                body: $0.body)
        }
        hasMessages = !self.messages.isEmpty
        // The clock runs from complete records to the report's release, then stops.
        let stoppedAt = report?.releasedAt
        let running = caseModel.recordsCompletedAt.map { (stoppedAt ?? now).timeIntervalSince($0) }
        hasClock = running != nil
        clock =
            running.map {
                stoppedAt == nil
                    ? "\(Self.duration($0)) since the records were complete, against a target of \(turnaroundDays) days"
                    : "report released \(Self.duration($0)) after the records were complete, against a target of \(turnaroundDays) days"
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

    /// "3 days", "5 hours", "12 minutes": how long a step took.
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return minutes == 1 ? "1 minute" : "\(max(minutes, 0)) minutes" }
        let hours = minutes / 60
        if hours < 48 { return hours == 1 ? "1 hour" : "\(hours) hours" }
        return "\(hours / 24) days"
    }
}

/// The letter a patient gives their physician.
struct LetterPage: Sendable {
    let caseID: String
    let reference: String
    let patientName: String
    let physicianName: String
    let registerURL: String
    let joinURL: String
    let date: String
}
