/// Where records live in an object store: `s3://BUCKET/PREFIX` (the prefix optional). Objects
/// are named `PREFIX/` + the storage key + `.rec`.
public struct S3Location: Sendable, Equatable, CustomStringConvertible {
    public let bucket: String
    /// Empty, or ending in "/".
    public let prefix: String

    /// nil unless `url` is `s3://` with a bucket name S3 accepts (3–63 of a–z 0–9 . -, starting
    /// and ending with a letter or digit) and a prefix without empty, "." or ".." segments.
    public init?(_ url: String) {
        guard url.hasPrefix("s3://") else { return nil }
        let rest = url.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        let allowed = bucket.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
        guard (3...63).contains(bucket.count), allowed, let first = bucket.first, let last = bucket.last,
            first.isLetter || first.isNumber, last.isLetter || last.isNumber
        else { return nil }
        let path = rest.dropFirst(bucket.count).drop { $0 == "/" }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.last == "" { segments.removeLast() }
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        self.bucket = String(bucket)
        self.prefix = segments.isEmpty ? "" : segments.joined(separator: "/") + "/"
    }

    /// The object name of a stored document.
    public func objectKey(_ storageKey: String) -> String {
        prefix + storageKey + ".rec"
    }

    /// The storage key of an object name under this location, if it is one of ours.
    public func storageKey(_ objectKey: String) -> String? {
        guard objectKey.hasPrefix(prefix), objectKey.hasSuffix(".rec") else { return nil }
        let key = objectKey.dropFirst(prefix.count).dropLast(4)
        return key.isEmpty || key.contains("/") ? nil : String(key)
    }

    public var description: String { "s3://\(bucket)/\(prefix)" }
}
