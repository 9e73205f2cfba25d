import ConsiliumCore
import FluentKit
import Foundation

/// Moves a case from one state to another: the Core table decides, and the move is recorded on
/// the case's timeline and in the audit log, in the caller's transaction.
struct CaseWorkflow: Sendable {
    let audit: AuditLog

    /// Who is moving the case.
    struct Mover: Sendable {
        let identity: SignedInUser?
        let actor: CaseActor
        let audit: AuditLog.Actor
    }

    func move(
        _ caseModel: CaseModel, to target: CaseState, by mover: Mover, reason: String, in tx: any Database, now: Date = Date()
    )
        async throws
    {
        let from = caseModel.state
        let to = try from.move(to: target, by: mover.actor)
        caseModel.state = to
        try await caseModel.update(on: tx)
        try await record(caseModel, from: from, to: to, by: mover, reason: reason, in: tx, now: now)
    }

    /// Records a move already applied (the case's creation, from draft to submitted).
    func record(
        _ caseModel: CaseModel, from: CaseState, to: CaseState, by mover: Mover, reason: String, in tx: any Database, now: Date = Date()
    ) async throws {
        let event = CaseEventModel()
        event.$caseModel.id = try caseModel.requireID()
        event.occurredAt = now
        event.actorUserID = mover.identity?.id.rawValue
        event.actorName = mover.identity?.displayName ?? "Consilium"
        event.actorRole = mover.identity?.role.rawValue ?? "system"
        event.fromState = from
        event.toState = to
        event.reason = reason
        try await event.create(on: tx)
        try await audit.record(
            from == .draft ? .caseOpened : .caseStateChanged, by: mover.audit,
            on: try .case(caseModel),
            detail: "\(from.rawValue)->\(to.rawValue)", in: tx)
    }
}
