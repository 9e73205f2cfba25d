import Hummingbird

extension SignedInAreaContext {
    /// The signed-in person as an audit event names them: who, in what role, from where, with what browser.
    var auditActor: AuditLog.Actor {
        AuditLog.Actor(userID: identity.id, role: identity.role, clientAddress: clientAddress, userAgent: userAgent)
    }
}

extension AppRequestContext {
    /// Whoever is acting: `user` when the request is about to become theirs (signing in,
    /// accepting an invitation), else the signed-in person, else an anonymous visitor; from
    /// where, with what browser.
    func auditActor(as user: UserModel? = nil) -> AuditLog.Actor {
        AuditLog.Actor(
            userID: user?.userID ?? identity?.id, role: user.map(\.role) ?? identity?.role, clientAddress: clientAddress,
            userAgent: userAgent)
    }
}
