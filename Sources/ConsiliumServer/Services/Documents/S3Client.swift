import AsyncHTTPClient
import ConsiliumCore
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// The few S3 calls records need, on async-http-client, each request signed with AWS Signature
/// Version 4 (`SigV4Signer`) and its body's SHA-256 (so the store refuses a body altered on the
/// way). Path-style addressing (`ENDPOINT/BUCKET/KEY`), which every S3-compatible store accepts.
struct S3Client: Sendable {
    let endpoint: URL
    let bucket: String
    let signer: SigV4Signer
    let http: HTTPClient
    /// How long one request may take (a part of a few MiB, a listing, a small object).
    var timeout: TimeAmount = .seconds(120)

    init(endpoint: URL, region: String, bucket: String, credentials: SigV4Signer.Credentials, http: HTTPClient = .shared) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.signer = SigV4Signer(credentials: credentials, region: region)
        self.http = http
    }

    init(_ settings: AppConfig.S3Settings, http: HTTPClient = .shared) {
        self.init(
            endpoint: settings.endpoint, region: settings.region, bucket: settings.location.bucket,
            credentials: .init(accessKey: settings.accessKey, secretKey: settings.secretKey), http: http)
    }

    /// An object's size, its ETag and our own metadata (`x-amz-meta-*`, names without the prefix); nil when absent.
    struct Head: Sendable {
        let size: Int64
        let metadata: [String: String]
    }

    /// An answer the store gave that was not a success: the HTTP status and S3's error code
    /// ("NoSuchKey", "SignatureDoesNotMatch"). Never carries the request's body or credentials.
    struct Failure: Error, CustomStringConvertible {
        let status: UInt
        let code: String
        let operation: String
        var description: String { "S3 \(operation) answered \(status) \(code)" }
    }

    // MARK: Objects

    func putObject(_ key: String, body: ByteBuffer, metadata: [String: String] = [:]) async throws {
        let headers = metadata.map { ("x-amz-meta-" + $0.key, $0.value) }
        _ = try await send("PutObject", .PUT, key: key, body: body, headers: headers)
    }

    func headObject(_ key: String) async throws -> Head? {
        let response = try await send("HeadObject", .HEAD, key: key, allowing: [.notFound])
        guard response.status == .ok else { return nil }
        var metadata: [String: String] = [:]
        for header in response.headers where header.name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(header.name.lowercased().dropFirst("x-amz-meta-".count))] = header.value
        }
        return Head(size: response.headers.first(name: "content-length").flatMap { Int64($0) } ?? 0, metadata: metadata)
    }

    /// The bytes `range` of an object, as a stream; `size` is the whole object's size (from
    /// `Content-Range`). The caller reads the body to its end or drops it.
    func getObject(_ key: String, range: PartialRangeFrom<Int64>) async throws -> (size: Int64, body: HTTPClientResponse.Body) {
        let response = try await send(
            "GetObject", .GET, key: key, headers: [], extraHeaders: [("range", "bytes=\(range.lowerBound)-")], readsBody: false)
        return (try Self.objectSize(response), response.body)
    }

    /// The bytes of an object from `start` to `end` inclusive, collected (for small ranges).
    func getObject(_ key: String, bytes: ClosedRange<Int64>, limit: Int) async throws -> (size: Int64, bytes: ByteBuffer) {
        let response = try await send(
            "GetObject", .GET, key: key, headers: [], extraHeaders: [("range", "bytes=\(bytes.lowerBound)-\(bytes.upperBound)")],
            readsBody: false)
        return (try Self.objectSize(response), try await response.body.collect(upTo: limit))
    }

    /// The whole object's size, from a ranged answer's `Content-Range` ("bytes 0-65535/1048576").
    private static func objectSize(_ response: HTTPClientResponse) throws -> Int64 {
        guard let total = response.headers.first(name: "content-range")?.split(separator: "/").last.flatMap({ Int64($0) }) else {
            throw Failure(status: response.status.code, code: "NoContentRange", operation: "GetObject")
        }
        return total
    }

    func deleteObject(_ key: String) async throws {
        _ = try await send("DeleteObject", .DELETE, key: key, allowing: [.notFound])
    }

    struct Listed: Sendable {
        let key: String
        let size: Int64
        let lastModified: Date
    }

    /// Every object under `prefix` (ListObjectsV2, page by page).
    func listObjects(prefix: String) async throws -> [Listed] {
        var objects: [Listed] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", "1000")]
            if let token { query.append(("continuation-token", token)) }
            let xml = try await sendForText("ListObjectsV2", .GET, key: nil, query: query)
            for element in S3XML.elements("Contents", in: xml) {
                let text = String(element)
                guard let key = S3XML.text("Key", in: text) else { continue }
                objects.append(
                    Listed(
                        key: key, size: S3XML.text("Size", in: text).flatMap { Int64($0) } ?? 0,
                        lastModified: S3XML.text("LastModified", in: text).flatMap(S3XML.date) ?? Date()))
            }
            token = S3XML.text("IsTruncated", in: xml) == "true" ? S3XML.text("NextContinuationToken", in: xml) : nil
        } while token != nil
        return objects
    }

    // MARK: Multipart uploads

    func createMultipartUpload(_ key: String, metadata: [String: String] = [:]) async throws -> String {
        let xml = try await sendForText(
            "CreateMultipartUpload", .POST, key: key, query: [("uploads", "")],
            headers: metadata.map { ("x-amz-meta-" + $0.key, $0.value) })
        guard let id = S3XML.text("UploadId", in: xml), !id.isEmpty else {
            throw Failure(status: 200, code: "NoUploadId", operation: "CreateMultipartUpload")
        }
        return id
    }

    /// Sends part `number` (1-based) and returns its ETag, which `completeMultipartUpload` needs.
    func uploadPart(_ key: String, uploadID: String, number: Int, body: ByteBuffer) async throws -> String {
        let response = try await send(
            "UploadPart", .PUT, key: key, query: [("partNumber", "\(number)"), ("uploadId", uploadID)], body: body)
        guard let etag = response.headers.first(name: "etag") else {
            throw Failure(status: response.status.code, code: "NoETag", operation: "UploadPart")
        }
        return etag
    }

    func completeMultipartUpload(_ key: String, uploadID: String, parts: [String]) async throws {
        let list = parts.enumerated().map {
            "<Part><PartNumber>\($0.offset + 1)</PartNumber><ETag>\(S3XML.escape($0.element))</ETag></Part>"
        }
        let body = "<CompleteMultipartUpload>\(list.joined())</CompleteMultipartUpload>"
        // S3 may answer 200 and still report an error in the body, after a long wait.
        let xml = try await sendForText(
            "CompleteMultipartUpload", .POST, key: key, query: [("uploadId", uploadID)], body: ByteBuffer(string: body))
        if xml.contains("<Error>") {
            throw Failure(status: 200, code: S3XML.text("Code", in: xml) ?? "Error", operation: "CompleteMultipartUpload")
        }
    }

    func abortMultipartUpload(_ key: String, uploadID: String) async throws {
        _ = try await send("AbortMultipartUpload", .DELETE, key: key, query: [("uploadId", uploadID)], allowing: [.notFound])
    }

    struct Upload: Sendable {
        let key: String
        let uploadID: String
        let initiated: Date
    }

    /// Multipart uploads begun under `prefix` and neither completed nor aborted.
    func listMultipartUploads(prefix: String) async throws -> [Upload] {
        var uploads: [Upload] = []
        var markers: (key: String, id: String)?
        repeat {
            var query = [("uploads", ""), ("prefix", prefix), ("max-uploads", "1000")]
            if let markers { query += [("key-marker", markers.key), ("upload-id-marker", markers.id)] }
            let xml = try await sendForText("ListMultipartUploads", .GET, key: nil, query: query)
            for element in S3XML.elements("Upload", in: xml) {
                let text = String(element)
                guard let key = S3XML.text("Key", in: text), let id = S3XML.text("UploadId", in: text) else { continue }
                uploads.append(
                    Upload(key: key, uploadID: id, initiated: S3XML.text("Initiated", in: text).flatMap(S3XML.date) ?? Date()))
            }
            if S3XML.text("IsTruncated", in: xml) == "true", let key = S3XML.text("NextKeyMarker", in: xml),
                let id = S3XML.text("NextUploadIdMarker", in: xml)
            {
                markers = (key, id)
            } else {
                markers = nil
            }
        } while markers != nil
        return uploads
    }

    // MARK: Buckets

    /// Whether the bucket answers to our credentials (for `/readyz` and the start-up check).
    /// (A listing of one key rather than HeadBucket, whose answers have no body to name the error.)
    func bucketIsReachable() async throws {
        _ = try await sendForText("ListObjectsV2", .GET, key: nil, query: [("list-type", "2"), ("max-keys", "1")])
    }

    /// Creates the bucket (tests and first set-up); an existing bucket of ours is fine.
    func createBucket() async throws {
        let response = try await send("CreateBucket", .PUT, key: nil, allowing: [.conflict])
        if response.status == .conflict { try await bucketIsReachable() }
    }

    // MARK: Sending

    private func sendForText(
        _ operation: String, _ method: HTTPMethod, key: String?, query: [(String, String)] = [], headers: [(String, String)] = [],
        body: ByteBuffer? = nil
    ) async throws -> String {
        let response = try await send(operation, method, key: key, query: query, body: body, headers: headers, readsBody: false)
        return String(buffer: try await response.body.collect(upTo: 16 << 20))
    }

    /// Signs and sends one request. A status outside 2xx (and `allowing`) throws `Failure` with
    /// S3's error code. Unless `readsBody` is false, the body is read and dropped here.
    @discardableResult
    private func send(
        _ operation: String, _ method: HTTPMethod, key: String?, query: [(String, String)] = [], body: ByteBuffer? = nil,
        headers: [(String, String)] = [], extraHeaders: [(String, String)] = [], allowing: Set<HTTPResponseStatus> = [],
        readsBody: Bool = true
    ) async throws -> HTTPClientResponse {
        let path = "/" + bucket + (key.map { "/" + $0 } ?? "")
        let host = endpoint.port.map { "\(endpoint.host ?? "localhost"):\($0)" } ?? (endpoint.host ?? "localhost")
        let date = Date()
        let payloadHash =
            body.map { buffer in
                buffer.withUnsafeReadableBytes { Hex.encode(SHA256.hash(data: $0)) }
            } ?? SigV4Signer.emptyPayloadHash
        let signed = [("host", host), ("x-amz-date", SigV4Signer.amzDate(date)), ("x-amz-content-sha256", payloadHash)] + headers
        let authorization = signer.authorization(
            SigV4Signer.Request(method: method.rawValue, path: path, query: query, headers: signed, payloadHash: payloadHash), at: date)
        let encodedQuery = SigV4Signer.encodedQuery(query)
        let base = endpoint.absoluteString.hasSuffix("/") ? String(endpoint.absoluteString.dropLast()) : endpoint.absoluteString
        var request = HTTPClientRequest(
            url: base + SigV4Signer.encodedPath(path) + (encodedQuery.isEmpty ? "" : "?" + encodedQuery))
        request.method = method
        for (name, value) in signed + extraHeaders { request.headers.add(name: name, value: value) }
        request.headers.add(name: "authorization", value: authorization)
        if let body {
            request.body = .bytes(body)
        } else if method == .PUT || method == .POST {
            request.headers.add(name: "content-length", value: "0")
        }
        let response = try await http.execute(request, timeout: timeout)
        let succeeded = (200..<300).contains(response.status.code) || allowing.contains(response.status)
        if !succeeded {
            let text = String(buffer: (try? await response.body.collect(upTo: 64 << 10)) ?? ByteBuffer())
            throw Failure(
                status: response.status.code, code: S3XML.text("Code", in: text) ?? "HTTP\(response.status.code)", operation: operation)
        }
        if readsBody, method != .HEAD {
            _ = try await response.body.collect(upTo: 1 << 20)
        }
        return response
    }
}
