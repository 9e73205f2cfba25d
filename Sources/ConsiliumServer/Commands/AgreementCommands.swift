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
}
