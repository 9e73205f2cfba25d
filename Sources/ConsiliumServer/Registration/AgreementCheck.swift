import ConsiliumCore
import Foundation

/// At sign-in, decides whether the person must first accept a newer agreement: patients and
/// family members whose patients were last signed for under an older version.
struct AgreementCheck: Sendable {
    let agreements: AgreementService
    let directory: PatientDirectory

    func mustAccept(_ user: UserModel) async throws -> Bool {
        guard let role = user.role, AccessPolicy.allows(role, .acceptAgreement), let id = user.id else { return false }
        return try await directory.needsNewAcceptance(id, active: try await agreements.active())
    }
}
