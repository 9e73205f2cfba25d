import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// Closes a connection, when the server is stopping, only once the response in progress is
/// out: after the write of its last part has completed, not merely been queued. Hummingbird's
/// own handler closes as soon as the last part is queued, which drops whatever a slow client
/// had not yet taken (the end of a download); this one sits before it in each connection's
/// pipeline and takes the stop signal (`ChannelShouldQuiesceEvent`) in its place. An idle
/// connection is closed at once.
final class QuiescingHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var requestsInProgress = 0
    private var quiescing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { requestsInProgress += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        requestsInProgress -= 1
        guard quiescing, requestsInProgress == 0 else {
            context.write(data, promise: promise)
            return
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        written.futureResult.cascade(to: promise)
        context.writeAndFlush(data, promise: written)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        quiescing = true
        if requestsInProgress == 0 { context.close(promise: nil) }
    }
}
