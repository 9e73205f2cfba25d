import Foundation

/// The event `consilium keys rotate` appends once every seal made with an older master key has
/// been checked: it names the keys retired and the last event it checked, and it is sealed with
/// the current key. Its chain hash covers every event before it, so once it is sealed, the
/// events it vouches for need not be re-sealed (seals are append-only) nor their old key kept:
/// a verifier without the retired keys accepts their seals up to `checkedThrough`, and nowhere
/// after it.
public struct AuditKeyRetirement: Sendable, Equatable {
    /// The master keys whose seals the rotation checked, by id, sorted.
    public var retiredKeyIDs: [String]
    /// The last event whose seal the rotation checked.
    public var checkedThrough: Int64

    public init(retiredKeyIDs: [String], checkedThrough: Int64) {
        self.retiredKeyIDs = retiredKeyIDs.sorted()
        self.checkedThrough = checkedThrough
    }

    /// As stored in the event's `detail`: "retired=2026-01,2026-05; checked-through=1042".
    public var detail: String {
        "retired=\(retiredKeyIDs.joined(separator: ",")); checked-through=\(checkedThrough)"
    }

    /// Reads a `detail` written by `detail`; nil for anything else.
    public init?(detail: String?) {
        guard let detail else { return nil }
        let parts = detail.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts[0].hasPrefix("retired="), parts[1].hasPrefix("checked-through="),
            let through = Int64(parts[1].dropFirst("checked-through=".count)), through >= 0
        else { return nil }
        let ids = parts[0].dropFirst("retired=".count).split(separator: ",").map(String.init)
        guard !ids.isEmpty, ids.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(retiredKeyIDs: ids, checkedThrough: through)
    }
}
