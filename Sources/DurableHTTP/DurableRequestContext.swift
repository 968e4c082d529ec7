import Hummingbird
import NIOCore

/// The request context of `durable serve`: the basic one plus the connection, so a Runtime API
/// long poll can end when the worker that made it goes away.
public struct DurableRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    public let channel: any Channel

    /// Creates the context of one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.channel = source.channel
    }
}
