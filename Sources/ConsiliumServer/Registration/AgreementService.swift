import ConsiliumCore
import FluentKit
import Foundation

/// The versions of the patient agreement and the terms of use: publishing, finding the active
/// one, and rendering it with the institution's particulars exactly as it is shown and signed.
struct AgreementService: Sendable {
    let database: DatabaseService
    let particulars: AgreementDocument.Particulars

    /// The active version of each document, rendered.
    struct Active: Sendable {
        let agreement: AgreementVersionModel
        let terms: AgreementVersionModel
        let agreementDocument: AgreementDocument
        let termsDocument: AgreementDocument
    }

    /// Publishes a new version; the unique (kind, version) index settles a race between two publishers.
    @discardableResult
    func publish(
        _ kind: AgreementVersionModel.Kind, body: String, now: Date = Date(), on db: (any Database)? = nil
    ) async throws
        -> AgreementVersionModel
    {
        let db = db ?? database.db
        let latest = try await AgreementVersionModel.query(on: db).filter(\.$kind == kind.rawValue).max(\.$version) ?? 0
        let version = AgreementVersionModel(kind: kind, version: latest + 1, body: body, publishedAt: now)
        try await version.create(on: db)
        return version
    }

    /// Publishes the texts shipped in `Resources/Agreements` when no version exists yet.
    func publishInitialVersions(resourcesDirectory: String) async throws {
        let folder = (resourcesDirectory as NSString).appendingPathComponent("Resources/Agreements")
        for (kind, file) in [(AgreementVersionModel.Kind.agreement, "patient-agreement.txt"), (.terms, "terms-of-use.txt")] {
            let exists = try await AgreementVersionModel.query(on: database.db).filter(\.$kind == kind.rawValue).count() > 0
            guard !exists else { continue }
            let body = try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
            do {
                try await publish(kind, body: body)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Another instance published it at the same moment.
            }
        }
    }

    func latest(_ kind: AgreementVersionModel.Kind, on db: any Database) async throws -> AgreementVersionModel {
        guard
            let version = try await AgreementVersionModel.query(on: db).filter(\.$kind == kind.rawValue).sort(\.$version, .descending)
                .first()
        else { throw NoAgreementPublished() }
        return version
    }

    func active() async throws -> Active {
        let db = database.db
        let agreement = try await latest(.agreement, on: db)
        let terms = try await latest(.terms, on: db)
        return Active(
            agreement: agreement, terms: terms, agreementDocument: document(agreement), termsDocument: document(terms))
    }

    func version(_ kind: AgreementVersionModel.Kind, number: Int) async throws -> AgreementVersionModel? {
        try await AgreementVersionModel.query(on: database.db).filter(\.$kind == kind.rawValue).filter(\.$version == number).first()
    }

    func document(_ version: AgreementVersionModel) -> AgreementDocument {
        AgreementDocument(template: version.body, particulars: particulars)
    }
}

/// No agreement has been published: the service cannot take registrations.
struct NoAgreementPublished: Error {}
