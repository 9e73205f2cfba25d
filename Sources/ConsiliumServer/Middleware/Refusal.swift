import ConsiliumCore
import HTTPTypes
import Hummingbird

/// A request refused with a reason the person should read, named by a message of the catalogs
/// so the error page words it in the reader's language ("Este caso no espera a otro médico.").
/// `HTTPError` keeps a fixed text: it stays for answers a person never reads in a page.
struct Refusal: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: Message

    init(_ status: HTTPResponse.Status, _ message: Message) {
        self.status = status
        self.message = message
    }

    init(_ status: HTTPResponse.Status, _ id: String) { self.init(status, Message(id)) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        // Only reached when no ErrorPageMiddleware is in front; the id is no personal data.
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message.id)))
    }
}
