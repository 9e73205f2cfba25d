import ConsiliumCore
import FluentKit
import Foundation

/// Account changes shared by the controllers and the command line: creating accounts and
/// setting passwords. Nothing here sees a request.
struct AccountService: Sendable {
    let database: DatabaseService
    let hasher: PasswordHasher
    let audit: AuditLog

    /// Why an account could not be created.
    enum CreateError: Error, Equatable {
        case emailTaken
    }

    /// Creates an account; the unique index, not a prior lookup, decides whether the email is free.
    func createUser(
        email: EmailAddress, displayName: String, role: Role, password: String, verified: Bool, actor: AuditLog.Actor
    ) async throws -> UserModel {
        let hash = try await hasher.hash(password)
        let user = UserModel(email: email, displayName: displayName, role: role, passwordHash: hash)
        if verified { user.emailVerifiedAt = Date() }
        do {
            try await database.db.transaction { tx in
                try await user.create(on: tx)
                try await audit.record(.userCreated, by: actor, on: .user(user.userID!), detail: role.rawValue, in: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw CreateError.emailTaken
        }
        return user
    }

    /// The account with `email`, if any.
    func user(withEmail email: EmailAddress) async throws -> UserModel? {
        try await UserModel.query(on: database.db).filter(\.$email == email.value).first()
    }
}
