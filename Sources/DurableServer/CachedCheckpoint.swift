import DurableModel
import Foundation

/// The last accepted checkpoint, kept to answer a retried request byte-for-byte.
public struct CachedCheckpoint: Codable, Sendable, Hashable {
    /// The request's `ClientToken`.
    public var clientToken: String
    /// The token the request came with.
    public var inboundToken: String
    /// The response that was sent.
    public var response: CheckpointResponse
    /// Creates a cache entry.
    public init(clientToken: String, inboundToken: String, response: CheckpointResponse) {
        self.clientToken = clientToken
        self.inboundToken = inboundToken
        self.response = response
    }
}
