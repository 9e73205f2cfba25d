import ConsiliumCore
import FluentKit
import Foundation
import Synchronization

/// The versions of the patient agreement and the terms of use: publishing, finding the active
/// one, and rendering it with the institution's particulars exactly as it is shown and signed.
struct AgreementService: Sendable {
    let database: DatabaseService
    let particulars: AgreementDocument.Particulars
    /// The active versions last read, rendered; shared by every copy of the service.
    let shownCache: ShownAgreements

    /// The active version of each document, rendered.
    struct Active: Sendable {
        let agreement: AgreementVersionModel
        let terms: AgreementVersionModel
        let agreementDocument: AgreementDocument
        let termsDocument: AgreementDocument
        /// Each document's paragraphs as HTML, made once per version.
        let agreementHTML: RenderedFragment
        let termsHTML: RenderedFragment
        let particulars: AgreementDocument.Particulars

        init(agreement: AgreementVersionModel, terms: AgreementVersionModel, particulars: AgreementDocument.Particulars) {
            self.particulars = particulars
            self.agreement = agreement
            self.terms = terms
            agreementDocument = AgreementDocument(template: agreement.body, particulars: particulars)
            termsDocument = AgreementDocument(template: terms.body, particulars: particulars)
            agreementHTML = .paragraphs(agreementDocument.paragraphs)
            termsHTML = .paragraphs(termsDocument.paragraphs)
        }

        /// The agreement's heading as shown, the language of its text, and what a reader of
        /// another language is told: the text is in English, which binds, and an interpreter is a call away.
        func shownHeading(_ wording: Wording) -> (heading: String, language: String, notice: [String]) {
            let heading = wording.messages.text("agreement-version-heading", ["version": .number(agreement.version)], in: .english)
            let notice = wording.language == .english ? [] : [wording("agreement-not-translated", ["phone": .text(particulars.phone)])]
            return (heading, Language.english.tag, notice)
        }

        func isVersions(agreement: Int, terms: Int) -> Bool {
            self.agreement.version == agreement && self.terms.version == terms
        }
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
        // A caller in a transaction forgets again once it has committed (see `shown()`).
        shownCache.forget()
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

    /// The versions in force now, read from the database: what a person accepts or is checked
    /// against. Also refreshes what `shown()` keeps.
    func active() async throws -> Active {
        let db = database.db
        let agreement = try await latest(.agreement, on: db)
        let terms = try await latest(.terms, on: db)
        if let kept = shownCache.kept, kept.isVersions(agreement: agreement.version, terms: terms.version) {
            shownCache.keep(kept)
            return kept
        }
        let active = Active(agreement: agreement, terms: terms, particulars: particulars)
        shownCache.keep(active)
        return active
    }

    /// The versions to show on a page that only displays them: kept in memory and re-read at
    /// most once every `ShownAgreements.freshness` (another instance may have published), and at
    /// once after this process publishes. Published versions never change, so a version is
    /// rendered once. Whatever a person then posts is checked against `active()`, which reads
    /// the database: a version published in between is caught there and shown with a notice.
    func shown() async throws -> Active {
        if let fresh = shownCache.fresh { return fresh }
        return try await active()
    }

    func version(_ kind: AgreementVersionModel.Kind, number: Int) async throws -> AgreementVersionModel? {
        try await AgreementVersionModel.query(on: database.db).filter(\.$kind == kind.rawValue).filter(\.$version == number).first()
    }

    func document(_ version: AgreementVersionModel) -> AgreementDocument {
        AgreementDocument(template: version.body, particulars: particulars)
    }
}

/// The active agreement and terms as last read, and when.
final class ShownAgreements: Sendable {
    private let state = Mutex<(active: AgreementService.Active?, readAt: ContinuousClock.Instant)>((nil, .now))
    static let freshness: Duration = .seconds(1)

    var kept: AgreementService.Active? { state.withLock { $0.active } }

    /// The kept versions while they were read less than `freshness` ago.
    var fresh: AgreementService.Active? {
        state.withLock { ContinuousClock.now - $0.readAt < Self.freshness ? $0.active : nil }
    }

    func keep(_ active: AgreementService.Active) { state.withLock { $0 = (active, .now) } }

    /// After a publication: the next page reads the database.
    func forget() { state.withLock { $0.active = nil } }
}

/// No agreement has been published: the service cannot take registrations.
struct NoAgreementPublished: Error {}
