import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

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

    /// The account's patients in the order they were added, read in plain SQL on a reader (the
    /// account page and the request form start here): the links, their patients, and each one's
    /// accepted consents with the agreement versions they name.
    func patients(of userID: UUID) async throws -> [Entry] {
        let links = try await database.withParents(
            database.read(
                PatientAccessModel.self,
                "SELECT * FROM \(ident: PatientAccessModel.schema) WHERE user_id = \(bind: userID) ORDER BY created_at"),
            \.$patient)
        guard !links.isEmpty else { return [] }
        let consents = try await database.withParents(
            database.read(
                ConsentRecordModel.self,
                """
                SELECT * FROM \(ident: ConsentRecordModel.schema) WHERE patient_id IN (\(binds: links.map { $0.$patient.id })) \
                AND decision = \(bind: ConsentRecordModel.Decision.accepted.rawValue) ORDER BY signed_at DESC
                """),
            \.$agreementVersion)
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
