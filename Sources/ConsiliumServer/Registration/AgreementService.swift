import ConsiliumCore
import FluentKit
import Foundation
import Synchronization

/// The versions of the patient agreement and the terms of use: publishing, finding the active
/// one, and rendering it with the institution's particulars exactly as it is shown and signed.
struct AgreementService: Sendable {
    let database: DatabaseService
    let particulars: AgreementDocument.Particulars
    /// The particulars as a translation names them (the governing law in Spanish), by language;
    /// a language without its own reads the English ones.
    var translatedParticulars: [Language: AgreementDocument.Particulars] = [:]
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
        /// Each language's published translations of these two versions, rendered.
        let translations: [Language: Translation]
        /// Which translation rows those are: a translation published since is noticed.
        let translationIDs: Set<UUID>

        /// One language's translations of the active agreement and terms (either may be missing).
        struct Translation: Sendable {
            var agreement: (document: AgreementDocument, html: RenderedFragment)?
            var terms: (document: AgreementDocument, html: RenderedFragment)?
        }

        init(
            agreement: AgreementVersionModel, terms: AgreementVersionModel, particulars: AgreementDocument.Particulars,
            translations rows: [AgreementTranslationModel] = [], translatedParticulars: [Language: AgreementDocument.Particulars] = [:]
        ) {
            self.particulars = particulars
            var translations: [Language: Translation] = [:]
            for row in rows {
                guard let language = Language(tag: row.language) else { continue }
                let document = AgreementDocument(template: row.body, particulars: translatedParticulars[language] ?? particulars)
                let rendered = (document: document, html: RenderedFragment.paragraphs(document.paragraphs))
                if row.$version.id == agreement.id { translations[language, default: Translation()].agreement = rendered }
                if row.$version.id == terms.id { translations[language, default: Translation()].terms = rendered }
            }
            self.translations = translations
            translationIDs = Set(rows.compactMap(\.id))
            self.agreement = agreement
            self.terms = terms
            agreementDocument = AgreementDocument(template: agreement.body, particulars: particulars)
            termsDocument = AgreementDocument(template: terms.body, particulars: particulars)
            agreementHTML = .paragraphs(agreementDocument.paragraphs)
            termsHTML = .paragraphs(termsDocument.paragraphs)
        }

        /// The agreement as a reader of `wording`'s language is shown it: the institution's
        /// translation when there is one, said to be a translation of the English text that
        /// binds; otherwise the English text, with a notice in the reader's language and the
        /// number to call for an interpreter.
        func shownAgreement(_ wording: Wording) -> Shown {
            shown(
                agreement, agreementDocument, agreementHTML, translations[wording.language]?.agreement, "agreement-version-heading", wording
            )
        }

        /// The terms of use, shown the same way.
        func shownTerms(_ wording: Wording) -> Shown {
            shown(terms, termsDocument, termsHTML, translations[wording.language]?.terms, "terms-version-heading", wording)
        }

        private func shown(
            _ version: AgreementVersionModel, _ english: AgreementDocument, _ englishHTML: RenderedFragment,
            _ translation: (document: AgreementDocument, html: RenderedFragment)?, _ headingID: String, _ wording: Wording
        ) -> Shown {
            let number: [String: MessageCatalog.Argument] = ["version": .number(version.version)]
            if wording.language == .english {
                return Shown(
                    heading: wording(headingID, number), language: .english, paragraphsHTML: englishHTML, notice: [], translationSHA256: nil
                )
            }
            if let translation {
                return Shown(
                    heading: wording(headingID, number), language: wording.language, paragraphsHTML: translation.html,
                    notice: [wording("agreement-translated")], translationSHA256: translation.document.sha256)
            }
            return Shown(
                heading: wording.messages.text(headingID, number, in: .english), language: .english, paragraphsHTML: englishHTML,
                notice: [wording("agreement-not-translated", ["phone": .text(particulars.phone)])], translationSHA256: nil)
        }

        /// A document as shown: its heading, the language of its text, its paragraphs, what the
        /// reader is told about its language, and the hash of the translation read, if one was.
        struct Shown: Sendable {
            let heading: String
            let language: Language
            let paragraphsHTML: RenderedFragment
            let notice: [String]
            let translationSHA256: String?
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

    /// Publishes `body` as the `language` translation of version `number` of `kind`. A version
    /// has one translation per language, and it never changes: the unique (version, language)
    /// index refuses a second.
    @discardableResult
    func publishTranslation(
        _ kind: AgreementVersionModel.Kind, of number: Int, language: Language, body: String, now: Date = Date()
    ) async throws -> AgreementTranslationModel {
        guard language != .english else { throw TranslationRefused.english }
        guard let original = try await version(kind, number: number) else { throw TranslationRefused.noSuchVersion }
        let translation = AgreementTranslationModel(
            versionID: try original.requireID(), language: language.tag, body: body.trimmingCharacters(in: .whitespacesAndNewlines),
            publishedAt: now)
        do {
            try await translation.create(on: database.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw TranslationRefused.alreadyTranslated
        }
        shownCache.forget()
        return translation
    }

    enum TranslationRefused: Error, Equatable {
        case english, noSuchVersion, alreadyTranslated
    }

    /// Publishes the texts shipped in `Resources/Agreements` when no version exists yet, and the
    /// shipped translations (`<name>.<tag>.txt`) of each version whose text is the shipped one.
    func publishInitialVersions(resourcesDirectory: String) async throws {
        let folder = (resourcesDirectory as NSString).appendingPathComponent("Resources/Agreements")
        for (kind, name) in [(AgreementVersionModel.Kind.agreement, "patient-agreement"), (.terms, "terms-of-use")] {
            let body = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name + ".txt"), encoding: .utf8)
            let exists = try await AgreementVersionModel.query(on: database.db).filter(\.$kind == kind.rawValue).count() > 0
            if !exists {
                do {
                    try await publish(kind, body: body)
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    // Another instance published it at the same moment.
                }
            }
            let shipped = body.trimmingCharacters(in: .whitespacesAndNewlines)
            let versions = try await AgreementVersionModel.query(on: database.db).filter(\.$kind == kind.rawValue).all()
            for version in versions where version.body.trimmingCharacters(in: .whitespacesAndNewlines) == shipped {
                for language in Language.allCases where language != .english {
                    let path = (folder as NSString).appendingPathComponent("\(name).\(language.tag).txt")
                    guard let translated = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                    let versionID = try version.requireID()
                    let done =
                        try await AgreementTranslationModel.query(on: database.db).filter(\.$version.$id == versionID)
                        .filter(\.$language == language.tag).count() > 0
                    guard !done else { continue }
                    do {
                        try await publishTranslation(kind, of: version.version, language: language, body: translated)
                    } catch TranslationRefused.alreadyTranslated {
                        // Another instance published it at the same moment.
                    }
                }
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
        let translations = try await AgreementTranslationModel.query(on: db)
            .filter(\.$version.$id ~~ [try agreement.requireID(), try terms.requireID()]).all()
        if let kept = shownCache.kept, kept.isVersions(agreement: agreement.version, terms: terms.version),
            kept.translationIDs == Set(translations.compactMap(\.id))
        {
            shownCache.keep(kept)
            return kept
        }
        let active = Active(
            agreement: agreement, terms: terms, particulars: particulars, translations: translations,
            translatedParticulars: translatedParticulars)
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

    /// Any published version as a reader of `wording`'s language is shown it (see `Active.shownAgreement`).
    func shown(_ version: AgreementVersionModel, in wording: Wording) async throws -> Active.Shown {
        let rows = try await AgreementTranslationModel.query(on: database.db).filter(\.$version.$id == version.requireID())
            .filter(\.$language == wording.language.tag).all()
        let active = Active(
            agreement: version, terms: version, particulars: particulars, translations: rows, translatedParticulars: translatedParticulars)
        return version.kind == AgreementVersionModel.Kind.terms.rawValue ? active.shownTerms(wording) : active.shownAgreement(wording)
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
