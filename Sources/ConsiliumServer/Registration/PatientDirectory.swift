import ConsiliumCore
import FluentKit
import Foundation

/// The patients an account may act for, always found through the account's own access links:
/// there is no way to reach a patient by id alone.
struct PatientDirectory: Sendable {
    let database: DatabaseService

    /// One patient as the account sees it: the link, and the newest consent signed for them.
    struct Entry: Sendable {
        let patient: PatientModel
        let access: PatientAccessModel
        let latestConsent: ConsentRecordModel?
    }

    func patients(of userID: UUID, on db: (any Database)? = nil) async throws -> [Entry] {
        let db = db ?? database.db
        let links = try await PatientAccessModel.query(on: db).filter(\.$user.$id == userID).with(\.$patient).sort(\.$createdAt).all()
        guard !links.isEmpty else { return [] }
        let consents = try await ConsentRecordModel.query(on: db)
            .filter(\.$patient.$id ~~ links.map { $0.$patient.id })
            .filter(\.$decision == ConsentRecordModel.Decision.accepted.rawValue)
            .sort(\.$signedAt, .descending)
            .with(\.$agreementVersion)
            .all()
        return links.map { link in
            Entry(patient: link.patient, access: link, latestConsent: consents.first { $0.$patient.id == link.$patient.id })
        }
    }

    /// Whether any of the account's patients was last signed for under an older agreement or terms.
    func needsNewAcceptance(_ userID: UUID, active: AgreementService.Active) async throws -> Bool {
        let entries = try await patients(of: userID)
        return entries.contains { entry in
            guard let consent = entry.latestConsent else { return true }
            return consent.$agreementVersion.id != active.agreement.id || consent.$termsVersion.id != active.terms.id
        }
    }
}
