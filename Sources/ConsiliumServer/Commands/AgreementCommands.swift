import ConsiliumCore
import FluentKit
import Foundation

/// Publishing a new version of the patient agreement or the terms of use from the command line.
public struct AgreementCommands: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    /// Publishes `text` as the next version of `kind` ("agreement" or "terms") and returns its number.
    /// From the next sign-in on, patients and family members are asked to accept it.
    public func publish(kind rawKind: String, text: String) async throws -> Int {
        guard let kind = AgreementVersionModel.Kind(rawValue: rawKind) else {
            throw UserCommands.Refusal(description: "--kind must be agreement or terms")
        }
        if let problem = AgreementDocument.problem(publishing: text) { throw UserCommands.Refusal(description: problem) }
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let version = try await dependencies.agreements.publish(kind, body: body)
        try await dependencies.audit.record(
            .agreementPublished, by: .system, on: .init(type: "AgreementVersion", id: try version.requireID().uuidString, patientID: nil),
            detail: "\(kind.rawValue) v\(version.version)", in: dependencies.database.db)
        return version.version
    }

    /// Publishes `text` as the `languageTag` translation of version `number` of `kind`.
    public func publishTranslation(kind rawKind: String, of number: Int, language languageTag: String, text: String) async throws {
        guard let kind = AgreementVersionModel.Kind(rawValue: rawKind) else {
            throw UserCommands.Refusal(description: "--kind must be agreement or terms")
        }
        guard let language = Language(tag: languageTag), language != .english else {
            let offered = Language.allCases.filter { $0 != .english }.map(\.tag).joined(separator: ", ")
            throw UserCommands.Refusal(description: "--language must be one the service speaks besides English: \(offered)")
        }
        let agreements = dependencies.agreements
        guard let original = try await agreements.version(kind, number: number) else {
            throw UserCommands.Refusal(description: "There is no \(kind.rawValue) version \(number).")
        }
        if let problem = AgreementDocument.problem(translating: original.body, as: text) {
            throw UserCommands.Refusal(description: problem)
        }
        let translation: AgreementTranslationModel
        do {
            translation = try await agreements.publishTranslation(kind, of: number, language: language, body: text)
        } catch AgreementService.TranslationRefused.alreadyTranslated {
            throw UserCommands.Refusal(
                description: "Version \(number) already has a \(language.tag) translation; a published text never changes.")
        }
        try await dependencies.audit.record(
            .agreementPublished, by: .system,
            on: .init(type: "AgreementTranslation", id: try translation.requireID().uuidString, patientID: nil),
            detail: "\(kind.rawValue) v\(number) \(language.tag)", in: dependencies.database.db)
    }
}
