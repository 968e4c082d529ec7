import NIOCore

/// Reports that the peer closed its side of a connection.
///
/// Hummingbird allows remote half-closure, so a worker that dies leaves the connection open (input
/// closed) until the pending response is written; `closeFuture` alone would never fire for it.
final class PeerCloseHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    private let onClose: @Sendable () -> Void

    init(onClose: @escaping @Sendable () -> Void) {
        self.onClose = onClose
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { onClose() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        onClose()
        context.fireChannelInactive()
    }
}
