import FluentKit
import Foundation

/// One published version of the patient agreement or of the terms of use. The newest of each
/// kind is the active one. Rows are never changed once published.
final class AgreementVersionModel: Model, @unchecked Sendable {
    static let schema = "agreement_versions"

    /// Which document this is a version of.
    enum Kind: String, Codable, Sendable {
        case agreement, terms
    }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "kind") var kind: String
    @Field(key: "version") var version: Int
    /// The text with `{institution}`-style placeholders, filled from configuration when shown.
    @Field(key: "body") var body: String
    @Field(key: "published_at") var publishedAt: Date

    init() {}

    init(kind: Kind, version: Int, body: String, publishedAt: Date) {
        self.kind = kind.rawValue
        self.version = version
        self.body = body
        self.publishedAt = publishedAt
    }
}
