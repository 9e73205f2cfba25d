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

    /// The actions shown; each is said to a patient by the message `access-action-<action>`.
    static let shown: Set<AuditAction> = [
        .caseOpened, .caseViewed, .letterViewed, .caseStateChanged, .recordUploaded, .recordViewed, .recordDownloaded,
        .recordEnteredInError, .reportViewed, .reportDraftSaved, .reportAddendumSigned, .followUpAsked, .courtesyCopyDeclinedByPhone,
    ]

    /// "case.state_changed" is said by `access-action-case-state-changed`.
    static func message(_ action: String) -> String {
        "access-action-" + action.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "_", with: "-")
    }

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
        let cappedText: String
    }

    static let limit = 2000

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let caseModel = try await queries.requestedCase(context, audit: audit)
        try await queries.require(.viewAccessLog, context, caseModel, audit: audit)
        try await audit.record(.caseAccessLogViewed, by: context.auditActor, on: try .case(caseModel), in: database.db)
        let events = try await AuditEventModel.query(on: database.db).filter(\.$patientID == caseModel.$patient.id)
            .filter(\.$action ~~ Self.shown.map(\.rawValue)).sort(\.$sequence, .descending).limit(Self.limit + 1).all()
        let people = try await UserModel.query(on: database.db).filter(\.$id ~~ Set(events.compactMap(\.actorUserID))).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        let wording = renderer.wording(context)
        let accesses = events.prefix(Self.limit).map { event in
            // the message's id stands for the action until the lines are worded
            let what = event.action == AuditAction.recordViewed.rawValue && event.detail == "list" ? "record.list_viewed" : event.action
            let role = event.actorRole.flatMap(Role.init(rawValue:))
            return AccessSummary.Access(
                actor: event.actorUserID, isPatientSide: role.map { AccessPolicy.Relation(role: $0).isPatientSide } ?? false, what: what,
                at: event.occurredDate)
        }
        let (others, own) = AccessSummary.lines(Array(accesses))
        func row(_ line: AccessSummary.Line) -> Row {
            let person = line.actor.flatMap { byID[$0] }
            return Row(
                who: line.actor.map {
                    $0 == context.identity.id.rawValue ? wording("access-you") : (person?.displayName ?? wording("access-former-account"))
                } ?? wording("access-automatic", ["service": .text(renderer.site.serviceName)]),
                role: person?.role.map { wording.role($0) } ?? "", what: wording(Self.message(line.what)),
                times: wording("access-times", ["count": .number(line.count)]),
                first: DisplayDate.withTime(line.first, in: context.language),
                last: DisplayDate.withTime(line.last, in: context.language), once: line.count == 1)
        }
        let ownCount = own.reduce(0) { $0 + $1.count }
        let content = Content(
            caseID: try caseModel.requireID().uuidString.lowercased(), reference: caseModel.caseReference?.display ?? caseModel.reference,
            patientName: caseModel.patient.fullName, others: others.map(row), hasOthers: !others.isEmpty, own: own.map(row),
            hasOwn: !own.isEmpty, ownSummary: wording("access-visits", ["count": .number(ownCount)]), hasRows: !accesses.isEmpty,
            capped: events.count > Self.limit, cappedText: wording("access-capped", ["limit": .number(Self.limit)]))
        return try renderer.render("cases/access", title: wording("access-title"), content: content, context: context)
    }
}
