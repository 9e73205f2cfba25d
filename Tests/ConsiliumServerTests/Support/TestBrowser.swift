import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers

/// A small browser for tests: keeps cookies, sends our Origin on posts, and finds the CSRF
/// token in the last page it was shown.
final class TestBrowser: Sendable {
    let client: any TestClientProtocol
    let origin: String
    /// Gives a current, unused authenticator code for an account (by email) when sign-in asks for one.
    let twoFactorCode: (@Sendable (String) async throws -> String)?
    private let state = NIOLockedValueBox<State>(State())

    private struct State {
        var cookies: [String: String] = [:]
        var lastPage = ""
    }

    init(client: any TestClientProtocol, origin: String, twoFactorCode: (@Sendable (String) async throws -> String)? = nil) {
        self.client = client
        self.origin = origin
        self.twoFactorCode = twoFactorCode
    }

    /// Another browser (no cookies) on the same application.
    func fresh() -> TestBrowser {
        TestBrowser(client: client, origin: origin, twoFactorCode: twoFactorCode)
    }

    /// The cookies as the browser holds them now.
    var cookies: [String: String] { state.withLockedValue { $0.cookies } }

    func setCookie(_ name: String, _ value: String?) {
        state.withLockedValue { $0.cookies[name] = value }
    }

    /// The `_csrf` value of the first form in the last page.
    var csrfToken: String { Self.hiddenValue("_csrf", in: state.withLockedValue { $0.lastPage }) ?? "" }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// Posts a url-encoded form, adding the current CSRF token unless `csrf` says otherwise.
    @discardableResult
    func post(_ uri: String, form: [(String, String)] = [], csrf: String? = nil, origin: String? = nil) async throws -> TestResponse {
        var fields = form
        fields.append(("_csrf", csrf ?? csrfToken))
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[.init("Origin")!] = origin ?? self.origin
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        state.withLockedValue { state in
            for header in response.headers[values: .setCookie] {
                let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
                let name = String(pair[0])
                let value = pair.count > 1 ? String(pair[1]) : ""
                if value.isEmpty || header.contains("Max-Age=0") { state.cookies[name] = nil } else { state.cookies[name] = value }
            }
            if response.headers[.contentType]?.hasPrefix("text/html") == true {
                state.lastPage = String(buffer: response.body)
            }
        }
        return response
    }

    /// Opens the sign-in page and posts the form; when the account asks for a second step,
    /// enters a current code from its authenticator (see `Fixtures.enrolTwoFactor`).
    @discardableResult
    func signIn(_ email: String, _ password: String, enterCode: Bool = true) async throws -> TestResponse {
        try await get("/signin")
        let response = try await post("/signin", form: [("email", email), ("password", password)])
        guard enterCode, response.location == "/signin/code", let twoFactorCode else { return response }
        try await get("/signin/code")
        return try await post("/signin/code", form: [("method", "totp"), ("code", try await twoFactorCode(email))])
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

extension TestBrowser {
    /// The new-request form as a patient fills it, naming Dr. Samuel Reyes.
    static func caseForm(question: String = "Do I need valve surgery?", diagnosis: String = "Aortic stenosis") -> [(String, String)] {
        [
            ("specialty", "Cardiology"), ("question", question), ("diagnosis", diagnosis), ("treatments", ""),
            ("physicianName", "Dr. Samuel Reyes"), ("physicianEmail", "samuel.reyes@example.org"), ("physicianNPI", ""),
        ]
    }

    /// Opens the new-request form and posts it; the response redirects to the case.
    @discardableResult
    func openCase(question: String = "Do I need valve surgery?", diagnosis: String = "Aortic stenosis") async throws -> TestResponse {
        try await get("/cases/new")
        return try await post("/cases/new", form: Self.caseForm(question: question, diagnosis: diagnosis))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}

extension TestBrowser {
    /// Posts a multipart form as a browser does: the CSRF token first (unless told otherwise),
    /// then the fields, then the files.
    @discardableResult
    func postMultipart(
        _ uri: String, fields: [(String, String)] = [], files: [(name: String, fileName: String, bytes: [UInt8])], csrf: String? = nil,
        tokenFirst: Bool = true
    ) async throws -> TestResponse {
        let boundary = "----consilium" + UUID().uuidString
        var body: [UInt8] = []
        func part(_ headers: String, _ content: [UInt8]) {
            body += Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
        }
        let token = csrf ?? csrfToken
        let ordered = tokenFirst && !token.isEmpty ? [("_csrf", token)] + fields : fields
        for (name, value) in ordered {
            part("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8))
        }
        for file in files {
            part(
                "Content-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: application/octet-stream",
                file.bytes)
        }
        if !tokenFirst && !token.isEmpty { part("Content-Disposition: form-data; name=\"_csrf\"", Array(token.utf8)) }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        headers[.init("Origin")!] = origin
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}
