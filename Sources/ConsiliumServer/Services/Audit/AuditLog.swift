import ConsiliumCore
import FluentKit
import Foundation

/// The one way every feature records an audit event. Callers pass the database handle of the
/// transaction that makes the change, so the change and its record commit or fail together.
struct AuditLog: Sendable {
    /// Who acted and from where: the parts of an event that come from the request.
    struct Actor: Sendable {
        var userID: UserID?
        var role: Role?
        var clientAddress: String?
        var userAgent: String?

        static let system = Actor(userID: nil, role: nil, clientAddress: "local", userAgent: nil)
    }

    /// The object an event is about: its type and id, and the patient whose information it holds.
    struct Subject: Sendable {
        var type: String
        var id: String
        var patientID: PatientID?

        static func user(_ id: UserID) -> Subject { Subject(type: "User", id: id.rawValue.uuidString, patientID: nil) }
    }

    func record(
        _ action: AuditAction, by actor: Actor, on subject: Subject? = nil, outcome: AuditOutcome = .success,
        detail: String? = nil, at date: Date = Date(), in db: any Database
    ) async throws {
        let event = AuditEventModel()
        event.occurredAt = date
        event.actorUserID = actor.userID?.rawValue
        event.actorRole = actor.role?.rawValue
        event.action = action.rawValue
        event.objectType = subject?.type
        event.objectID = subject?.id
        event.patientID = subject?.patientID?.rawValue
        event.outcome = outcome.rawValue
        event.clientAddress = actor.clientAddress
        event.userAgent = actor.userAgent.map { String($0.prefix(512)) }
        event.detail = detail
        try await event.create(on: db)
    }
}
