import ConsiliumCore
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The SigV4 signer against a real S3 store", .enabled(if: S3TestStore.available, "the test command starts radosgw"))
struct S3SignerLiveTests {
    /// One signed request, sent as the signer saw it.
    static func send(
        _ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [], body: [UInt8] = [],
        credentials: SigV4Signer.Credentials? = S3TestStore.credentials
    ) async throws -> TestClient.Response {
        let endpoint = try #require(S3TestStore.endpoint)
        let credentials = try #require(credentials)
        let host = "\(endpoint.host ?? "127.0.0.1"):\(endpoint.port ?? 80)"
        let date = Date()
        let payloadHash = Hex.encode(SHA256.hash(data: Data(body)))
        let request = SigV4Signer.Request(
            method: method.rawValue, path: path, query: query,
            headers: [("host", host), ("x-amz-date", SigV4Signer.amzDate(date)), ("x-amz-content-sha256", payloadHash)],
            payloadHash: payloadHash)
        let authorization = SigV4Signer(credentials: credentials, region: "us-east-1").authorization(request, at: date)
        let headers: HTTPFields = [
            .authorization: authorization, HTTPField.Name("x-amz-date")!: SigV4Signer.amzDate(date),
            HTTPField.Name("x-amz-content-sha256")!: payloadHash, .contentLength: "\(body.count)",
        ]
        let query = SigV4Signer.encodedQuery(query)
        let uri = SigV4Signer.encodedPath(path) + (query.isEmpty ? "" : "?" + query)
        let client = TestClient(host: endpoint.host ?? "127.0.0.1", port: endpoint.port ?? 80)
        client.connect()
        defer { Task { try? await client.shutdown() } }
        return try await client.execute(
            TestClient.Request(uri, method: method, authority: host, headers: headers, body: ByteBuffer(bytes: body)))
    }

    @Test("a bucket, an object under a name with spaces and accents, read back, listed by prefix; a wrong secret is refused")
    func roundTrip() async throws {
        let bucket = "/consilium-\(UUID().uuidString.lowercased().prefix(8))"
        #expect(try await Self.send(.put, bucket).status == .ok)
        let bytes = Array("%PDF-1.4 a record, encrypted in real use\n".utf8)
        let key = bucket + "/records/a b+ü.pdf"
        #expect(try await Self.send(.put, key, body: bytes).status == .ok)
        let read = try await Self.send(.get, key)
        #expect(read.status == .ok)
        #expect(read.body.map { Array($0.readableBytesView) } == bytes)
        let listed = try await Self.send(.get, bucket, query: [("list-type", "2"), ("prefix", "records/a b")])
        #expect(listed.status == .ok)
        #expect(listed.body.map { String(buffer: $0) }?.contains("<Key>records/a b+ü.pdf</Key>") == true)
        let forged = try #require(
            S3TestStore.credentials.map { SigV4Signer.Credentials(accessKey: $0.accessKey, secretKey: "not-the-secret") })
        let refused = try await Self.send(.get, key, credentials: forged)
        #expect(refused.status == .forbidden)
        #expect(refused.body.map { String(buffer: $0) }?.contains("SignatureDoesNotMatch") == true)
        #expect(try await Self.send(.delete, key).status == .noContent)
        #expect(try await Self.send(.delete, bucket).status == .noContent)
    }
}
