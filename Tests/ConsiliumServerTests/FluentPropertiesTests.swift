import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

/// Each model's hand-written `properties` (see `ModelProperties.swift`) must be exactly the
/// property wrappers reflection finds: one left out would silently not be stored or loaded.
@Suite("Models list their properties")
struct FluentPropertiesTests {
    static let models: [any Model.Type] = [
        AgreementTranslationModel.self, AgreementVersionModel.self, AuditEventModel.self, AuditSealModel.self, CaseEventModel.self,
        CaseInvitationModel.self,
        CaseMessageModel.self, CaseModel.self, ConsentRecordModel.self, ConsultantProfileModel.self, ContactDetailsModel.self,
        CourtesyCopyOptOutModel.self, EmailTokenModel.self, FollowUpQuestionModel.self, OutboxMessageModel.self,
        PatientAccessModel.self, PatientModel.self, PhysicianProfileModel.self, RateLimitCounter.self, RecordModel.self,
        RecoveryCodeModel.self, ReportAddendumModel.self, ReportModel.self, SessionRecord.self, SettingModel.self, UserModel.self,
    ]

    @Test("the listed properties are the reflected ones, each once", arguments: models.map { ModelType($0) })
    func listed(_ type: ModelType) {
        let model = type.type.init()
        let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map {
            ObjectIdentifier($0 as AnyObject)
        }
        let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
        #expect(!reflected.isEmpty)
        #expect(Set(listed) == Set(reflected), "\(type)")
        #expect(listed.count == reflected.count, "\(type)")
    }

    @Test("every model declared in the server's sources is checked here")
    func everyModel() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ConsiliumServer")
        var declared: Set<String> = []
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let declaration = /final class (\w+): Model\b/
        for case let file as URL in files where file.pathExtension == "swift" {
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: declaration) { declared.insert(String(match.1)) }
        }
        #expect(declared.count > 20)
        #expect(declared == Set(Self.models.map { String(describing: $0) }))
    }

    /// A model type as a test argument.
    struct ModelType: Sendable, CustomTestStringConvertible {
        let type: any Model.Type
        init(_ type: any Model.Type) { self.type = type }
        var testDescription: String { String(describing: type) }
    }
}
