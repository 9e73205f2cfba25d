import ConsiliumCore
import Foundation
import Hummingbird

/// What an error page says for a status, in plain words for an anxious reader.
struct ErrorContent: Sendable {
    let code: Int
    let heading: String
    let explanation: String
    let hasDetail: Bool
    let detail: String
    /// The request's id (see `RequestIdentity`), for the person to quote when they call; empty when unknown.
    let hasRequestID: Bool
    let requestID: String

    /// What the page says for `status`, in `language`; `message` is the detail a handler gave.
    init(status: HTTPResponse.Status, message: String?, requestID: String? = nil, language: Language = .english, messages: Messages) {
        code = status.code
        let kind =
            switch status.code {
            case 400, 403, 404, 413, 429, 503: "\(status.code)"
            case 500...: "500"
            default: "other"
            }
        heading = messages.text("error-\(kind)-heading", in: language)
        explanation = messages.text("error-\(kind)-explanation", in: language)
        hasDetail = message != nil
        detail = message ?? ""
        hasRequestID = requestID != nil
        self.requestID = requestID.map(RequestIdentity.grouped) ?? ""
    }

    var jsonEscapedMessage: String {
        let text = hasDetail ? detail : heading
        return text.unicodeScalars.map { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case _ where scalar.value < 0x20: String(format: "\\u%04x", scalar.value)
            default: String(scalar)
            }
        }.joined()
    }
}
