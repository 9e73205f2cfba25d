import FluentKit
import Foundation

/// The institution's translation of one published version into one language. The English
/// version stays the binding text; a translation is shown beside that fact and never changes.
final class AgreementTranslationModel: Model, @unchecked Sendable {
    static let schema = "agreement_translations"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Parent(key: "version_id") var version: AgreementVersionModel
    /// A BCP 47 tag of `Language` ("es").
    @Field(key: "language") var language: String
    /// The translated text, with the same `{institution}`-style placeholders as the original.
    @Field(key: "body") var body: String
    @Field(key: "published_at") var publishedAt: Date

    init() {}

    init(versionID: UUID, language: String, body: String, publishedAt: Date) {
        self.$version.id = versionID
        self.language = language
        self.body = body
        self.publishedAt = publishedAt
    }
}
