import ConsiliumCore
import FluentKit
import Foundation

@testable import ConsiliumServer

/// Accounts and helpers that many tests need.
enum Fixtures {
    static let password = "Sturdy-pass-4829"

    @discardableResult
    static func user(
        _ dependencies: AppDependencies, email: String = "margaret.ellis@example.org", name: String = "Margaret Ellis",
        role: Role = .patient, verified: Bool = true
    ) async throws -> UserModel {
        try await dependencies.accountService.createUser(
            email: try EmailAddress(email), displayName: name, role: role, password: password, verified: verified, actor: .system)
    }

    static func auditActions(_ dependencies: AppDependencies) async throws -> [String] {
        try await AuditEventModel.query(on: dependencies.database.db).sort(\.$sequence).all().map(\.action)
    }

    static func outbox(_ dependencies: AppDependencies) async throws -> [OutboxMessageModel] {
        try await OutboxMessageModel.query(on: dependencies.database.db).sort(\.$createdAt).all()
    }

    /// The token of the last link to `path` in the outbox.
    static func lastLinkToken(_ dependencies: AppDependencies, path: String) async throws -> String? {
        let bodies = try await outbox(dependencies).map(\.bodyText)
        for body in bodies.reversed() {
            if let range = body.range(of: path + "?token=") {
                return String(body[range.upperBound...].prefix { !$0.isWhitespace })
            }
        }
        return nil
    }
}
