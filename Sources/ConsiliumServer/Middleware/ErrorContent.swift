import Foundation
import Hummingbird

/// What an error page says for a status, in plain words for an anxious reader.
struct ErrorContent: Sendable {
    let code: Int
    let heading: String
    let explanation: String
    let hasDetail: Bool
    let detail: String

    init(status: HTTPResponse.Status, message: String?) {
        code = status.code
        switch status.code {
        case 400:
            heading = "We could not understand that request"
            explanation = "Something in the request was not in the form we expected. Please go back and try again."
        case 403:
            heading = "This form has expired"
            explanation =
                "For your security, forms stop working after a while or when opened from another site. Please go back, reload the page and try again."
        case 404:
            heading = "Page not found"
            explanation = "We could not find the page you asked for. It may have moved, or the address may be mistyped."
        case 413:
            heading = "That was too large"
            explanation = "What you sent is larger than we accept. Please send something smaller, or call us for help."
        case 429:
            heading = "Too many attempts"
            explanation = "For your security we have paused further attempts for a little while. Please wait a few minutes and try again."
        case 503:
            heading = "We are very busy just now"
            explanation =
                "Many people are using the service at this moment, so we could not answer in time. Nothing was lost. Please try again in a few seconds."
        case 500...:
            heading = "Something went wrong on our side"
            explanation =
                "We are sorry: we could not complete your request. Nothing you entered has been lost from your account. Please try again in a moment."
        default:
            heading = "We could not complete that request"
            explanation = "Please go back and try again."
        }
        hasDetail = message != nil
        detail = message ?? ""
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
