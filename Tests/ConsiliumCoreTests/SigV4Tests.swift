import Crypto
import Foundation
import Testing

@testable import ConsiliumCore

/// The signer against vectors others computed: AWS's Signature Version 4 test suite (service
/// "service", us-east-1, 20150830T123600Z, the suite's example keys) and the S3 documentation's
/// worked GET example. A signer that is nearly right is refused by the store with no reason.
@Suite("AWS Signature Version 4")
struct SigV4Tests {
    static let suite = SigV4Signer(
        credentials: .init(accessKey: "AKIDEXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), region: "us-east-1",
        service: "service")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    static func suiteRequest(
        _ method: String, _ path: String = "/", query: [(String, String)] = [], headers: [(String, String)] = [],
        payload: String = ""
    ) -> SigV4Signer.Request {
        SigV4Signer.Request(
            method: method, path: path, query: query,
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")] + headers,
            payloadHash: Hex.encode(SHA256.hash(data: Data(payload.utf8))))
    }

    static func signature(_ authorization: String) -> String {
        String(authorization.split(separator: "Signature=").last ?? "")
    }

    @Test("get-vanilla: the whole Authorization header, byte for byte")
    func getVanilla() {
        #expect(SigV4Signer.amzDate(Self.suiteDate) == "20150830T123600Z")
        #expect(
            Self.suite.authorization(Self.suiteRequest("GET"), at: Self.suiteDate)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test("post-vanilla, get-unreserved and get-vanilla-query-order-key-case")
    func suiteVectors() {
        let cases: [(SigV4Signer.Request, String)] = [
            (Self.suiteRequest("POST"), "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
            (
                Self.suiteRequest("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
                "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"
            ),
            (
                Self.suiteRequest("GET", query: [("Param2", "value2"), ("Param1", "value1")]),
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
            ),
        ]
        for (request, expected) in cases {
            #expect(Self.signature(Self.suite.authorization(request, at: Self.suiteDate)) == expected, "\(request.method) \(request.path)")
        }
    }

    @Test("post-x-www-form-urlencoded: a body whose hash is signed, and a content type among the signed headers")
    func formBody() {
        let request = Self.suiteRequest("POST", headers: [("Content-Type", "application/x-www-form-urlencoded")], payload: "Param1=value1")
        #expect(request.payloadHash == "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        let authorization = Self.suite.authorization(request, at: Self.suiteDate)
        #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-date,"))
        #expect(Self.signature(authorization) == "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")
    }

    @Test("get-header-value-trim: values trimmed and inner runs of spaces collapsed, quotes or not")
    func headerTrim() {
        let request = Self.suiteRequest("GET", headers: [("My-Header1", " value1"), ("My-Header2", " \"a   b   c\"")])
        let (canonical, signed) = SigV4Signer.canonicalRequest(request)
        #expect(
            canonical == """
                GET
                /

                host:example.amazonaws.com
                my-header1:value1
                my-header2:"a b c"
                x-amz-date:20150830T123600Z

                host;my-header1;my-header2;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(signed == "host;my-header1;my-header2;x-amz-date")
        #expect(
            Self.signature(Self.suite.authorization(request, at: Self.suiteDate))
                == "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736")
    }

    @Test("the S3 documentation's GET example: a range, the payload hash header, and its string to sign")
    func s3GetObject() throws {
        let signer = SigV4Signer(
            credentials: .init(accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1")
        let request = SigV4Signer.Request(
            method: "GET", path: "/test.txt",
            headers: [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
                ("x-amz-date", "20130524T000000Z"),
            ], payloadHash: SigV4Signer.emptyPayloadHash)
        let date = try #require(ISO8601DateFormatter().date(from: "2013-05-24T00:00:00Z"))
        let (canonical, _) = SigV4Signer.canonicalRequest(request)
        #expect(Hex.encode(SHA256.hash(data: Data(canonical.utf8))) == "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972")
        #expect(
            signer.authorization(request, at: date)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("S3 paths and queries: each path segment encoded once with its slashes kept; query pairs encoded and sorted")
    func encoding() {
        let request = SigV4Signer.Request(
            method: "GET", path: "/bucket/records/a b+ü.pdf", query: [("uploads", ""), ("prefix", "a/b c"), ("max-uploads", "10")],
            headers: [("host", "s3.local")], payloadHash: SigV4Signer.emptyPayloadHash)
        let lines = SigV4Signer.canonicalRequest(request).0.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "/bucket/records/a%20b%2B%C3%BC.pdf")
        #expect(lines[2] == "max-uploads=10&prefix=a%2Fb%20c&uploads=")
        #expect(SigV4Signer.uriEncode("-._~AZaz09") == "-._~AZaz09")
    }
}
