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
        let links = try await database.read(
            PatientAccessModel.self,
            "SELECT * FROM \(ident: PatientAccessModel.schema) WHERE user_id = \(bind: userID) ORDER BY created_at")
        guard !links.isEmpty else { return [] }
        let patientIDs = links.map { $0.$patient.id }
        let patients = try await database.read(
            PatientModel.self, "SELECT * FROM \(ident: PatientModel.schema) WHERE id IN (\(binds: patientIDs))")
        let consents = try await database.read(
            ConsentRecordModel.self,
            """
            SELECT * FROM \(ident: ConsentRecordModel.schema) WHERE patient_id IN (\(binds: patientIDs)) \
            AND decision = \(bind: ConsentRecordModel.Decision.accepted.rawValue) ORDER BY signed_at DESC
            """)
        let versionIDs = Array(Set(consents.map { $0.$agreementVersion.id }))
        let versions =
            versionIDs.isEmpty
            ? []
            : try await database.read(
                AgreementVersionModel.self, "SELECT * FROM \(ident: AgreementVersionModel.schema) WHERE id IN (\(binds: versionIDs))")
        let patientByID = Dictionary(uniqueKeysWithValues: patients.compactMap { patient in patient.id.map { ($0, patient) } })
        let versionByID = Dictionary(uniqueKeysWithValues: versions.compactMap { version in version.id.map { ($0, version) } })
        for consent in consents { consent.$agreementVersion.value = versionByID[consent.$agreementVersion.id] }
        return links.compactMap { link in
            guard let patient = patientByID[link.$patient.id] else { return nil }
            link.$patient.value = patient
            return Entry(patient: patient, access: link, latestConsent: consents.first { $0.$patient.id == link.$patient.id })
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
