import NIOConcurrencyHelpers

/// The names templates asked for that no context held (see `PageRenderer.Page`), each pair of
/// template and name kept once, so the set stays as small as the templates themselves.
final class UnresolvedTemplateKeys: Sendable {
    private let seen = NIOLockedValueBox<Set<String>>([])

    func note(_ name: String, in template: String) {
        seen.withLockedValue { _ = $0.insert("\(template): \(name)") }
    }

    /// "template: name", sorted.
    var all: [String] { seen.withLockedValue { $0.sorted() } }
}
