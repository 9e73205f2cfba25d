import Hummingbird

extension SignedInContext {
    /// The signed-in person as an audit event names them: who, in what role, from where, with what browser.
    func auditActor(_ request: Request) -> AuditLog.Actor {
        AuditLog.Actor(userID: identity.id, role: identity.role, clientAddress: clientAddress, userAgent: request.headers[.userAgent])
    }
}
