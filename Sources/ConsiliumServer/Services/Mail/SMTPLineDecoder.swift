import NIOCore

/// Splits what the SMTP server sends into lines; a line longer than the standard allows is an error.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    /// RFC 5321 allows 512 octets for a reply line; leave room for servers that exceed it a little.
    static let maximumLineLength = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw SMTPError.connectionClosed }
            return .needMoreData
        }
        let line = buffer.readSlice(length: newline - buffer.readerIndex + 1)!
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}
