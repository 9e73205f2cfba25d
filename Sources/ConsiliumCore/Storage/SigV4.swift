import Crypto
import Foundation

/// AWS Signature Version 4, header form, as S3 and every S3-compatible store (Ceph's RADOS
/// Gateway, MinIO) check it: a canonical form of the request, a string to sign naming the day,
/// region and service, and an HMAC-SHA256 with a key derived from the secret for that day.
/// (docs.aws.amazon.com, "Create a signed AWS API request"; tested against AWS's published test
/// suite and the S3 documentation's worked example.)
///
/// Paths are encoded as S3 wants them: each segment once, `/` kept, nothing normalised (other
/// AWS services encode twice; for the test suite's paths the two agree).
public struct SigV4Signer: Sendable {
    public struct Credentials: Sendable {
        public let accessKey: String
        public let secretKey: String

        public init(accessKey: String, secretKey: String) {
            self.accessKey = accessKey
            self.secretKey = secretKey
        }
    }

    /// What is signed of a request. `path` is the decoded path ("/bucket/my file.pdf"); `query`
    /// the decoded parameters, repeats allowed; `headers` must include `host`.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var query: [(String, String)]
        public var headers: [(String, String)]
        /// Lowercase hex SHA-256 of the body, or "UNSIGNED-PAYLOAD".
        public var payloadHash: String

        public init(method: String, path: String, query: [(String, String)] = [], headers: [(String, String)], payloadHash: String) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// The SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    public let credentials: Credentials
    public let region: String
    public let service: String

    public init(credentials: Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// "20150830T123600Z"
    public static func amzDate(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// The `Authorization` header's value for `request` sent at `date`; the request must carry
    /// `x-amz-date` with `amzDate(date)` among its headers.
    public func authorization(_ request: Request, at date: Date) -> String {
        let (canonical, signedHeaders) = Self.canonicalRequest(request)
        let stamp = Self.amzDate(date)
        let day = String(stamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let toSign = Self.stringToSign(canonical, amzDate: stamp, scope: scope)
        let signature = Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(toSign.utf8), using: signingKey(day: day)))
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKey)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    /// The canonical request, and the signed headers' names (sorted, `;`-joined).
    static func canonicalRequest(_ request: Request) -> (String, String) {
        let path = encodedPath(request.path)
        let query = encodedQuery(request.query)
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            let key = name.lowercased()
            let clean = value.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
                .joined(separator: " ")
            headers[key] = headers[key].map { $0 + "," + clean } ?? clean
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0]!)\n" }.joined()
        let signed = names.joined(separator: ";")
        return (
            [request.method, path.isEmpty ? "/" : path, query, canonicalHeaders, signed, request.payloadHash].joined(separator: "\n"),
            signed
        )
    }

    /// The path as it is sent and signed: each segment percent-encoded once, `/` kept.
    public static func encodedPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { uriEncode(String($0)) }.joined(separator: "/")
    }

    /// The query as it is sent and signed: pairs encoded, sorted by name then value.
    public static func encodedQuery(_ query: [(String, String)]) -> String {
        let pairs: [(key: String, value: String)] = query.map { (uriEncode($0.0), uriEncode($0.1)) }
        let sorted = pairs.sorted { left, right in left.key == right.key ? left.value < right.value : left.key < right.key }
        return sorted.map { pair in pair.key + "=" + pair.value }.joined(separator: "&")
    }

    static func stringToSign(_ canonicalRequest: String, amzDate: String, scope: String) -> String {
        let hash = Hex.encode(SHA256.hash(data: Data(canonicalRequest.utf8)))
        return "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(hash)"
    }

    /// HMAC chain: "AWS4"+secret → day → region → service → "aws4_request".
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters (A–Z a–z 0–9 - . _ ~).
    static func uriEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
