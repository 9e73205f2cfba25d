import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// "Who has looked at my information": for the patient and the family members acting for them,
/// each access to the patient's case information, by whom (name and role) and when, read from
/// the audit log.
struct AccessLogController: Sendable {
    let database: DatabaseService
    let queries: CaseQueries
    let audit: AuditLog
    let renderer: PageRenderer

    /// The actions shown, and how each is said to a patient.
    static let wording: [AuditAction: String] = [
        .caseOpened: "Opened the request",
        .caseViewed: "Looked at the request",
        .letterViewed: "Opened the letter for the treating physician",
        .caseStateChanged: "Moved the request on",
        .recordUploaded: "Sent a medical record",
        .recordViewed: "Looked at a medical record",
        .recordDownloaded: "Downloaded a medical record",
        .recordEnteredInError: "Withdrew a medical record sent in error",
        .reportViewed: "Read the specialist's report",
        .reportDraftSaved: "Worked on the specialist's report",
        .reportAddendumSigned: "Added to the report",
        .followUpAsked: "Asked a follow-up question",
        .courtesyCopyDeclinedByPhone: "Recorded your choice about the courtesy copy",
    ]

    /// One person doing one thing, how often and when.
    struct Row: Sendable {
        let who: String
        let role: String
        let what: String
        let times: String
        let first: String
        let last: String
        let once: Bool
    }

    struct Content: Sendable {
        let caseID: String
        let reference: String
        let patientName: String
        let others: [Row]
        let hasOthers: Bool
        let own: [Row]
        let hasOwn: Bool
        let ownSummary: String
        let hasRows: Bool
        let capped: Bool
    }

    static let limit = 2000

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        try await queries.require(.viewAccessLog, context, caseModel, audit: audit)
        try await audit.record(.caseAccessLogViewed, by: context.auditActor, on: try .case(caseModel), in: database.db)
        let events = try await AuditEventModel.query(on: database.db).filter(\.$patientID == caseModel.$patient.id)
            .filter(\.$action ~~ Self.wording.keys.map(\.rawValue)).sort(\.$sequence, .descending).limit(Self.limit + 1).all()
        let people = try await UserModel.query(on: database.db).filter(\.$id ~~ Set(events.compactMap(\.actorUserID))).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        let accesses = events.prefix(Self.limit).map { event in
            let action = AuditAction(rawValue: event.action)
            var what = action.flatMap { Self.wording[$0] } ?? event.action
            if action == .recordViewed, event.detail == "list" { what = "Looked at the list of medical records" }
            let role = event.actorRole.flatMap(Role.init(rawValue:))
            return AccessSummary.Access(
                actor: event.actorUserID, isPatientSide: role.map { AccessPolicy.Relation(role: $0).isPatientSide } ?? false, what: what,
                at: event.occurredDate)
        }
        let (others, own) = AccessSummary.lines(Array(accesses))
        func row(_ line: AccessSummary.Line) -> Row {
            let person = line.actor.flatMap { byID[$0] }
            return Row(
                who: line.actor.map { $0 == context.identity.id.rawValue ? "You" : (person?.displayName ?? "A former account") }
                    ?? "Consilium, automatically",
                role: person?.role?.displayName ?? "", what: line.what,
                times: line.count == 1 ? "Once" : "\(line.count) times", first: DisplayDate.withTime(line.first),
                last: DisplayDate.withTime(line.last), once: line.count == 1)
        }
        let ownCount = own.reduce(0) { $0 + $1.count }
        let content = Content(
            caseID: try caseModel.requireID().uuidString.lowercased(), reference: caseModel.caseReference?.display ?? caseModel.reference,
            patientName: caseModel.patient.fullName, others: others.map(row), hasOthers: !others.isEmpty, own: own.map(row),
            hasOwn: !own.isEmpty, ownSummary: Plural.count(ownCount, "visit"), hasRows: !accesses.isEmpty,
            capped: events.count > Self.limit)
        return try renderer.render("cases/access", title: "Who has looked at this information", content: content, context: context)
    }
}
