import DurableModel
import Foundation

/// The receipt of the last accepted checkpoint, kept to answer a retried request (same `ClientToken`
/// and token) without applying it twice.
///
/// It keeps the tokens and the sequence the handler had observed before the request, not the
/// response: the retry is answered with the same token and the operations changed since that
/// sequence, rebuilt from the operations (their newest state, which a retry may safely see).
public struct CachedCheckpoint: Codable, Sendable, Hashable {
    /// The request's `ClientToken`.
    public var clientToken: String
    /// The token the request came with.
    public var inboundToken: String
    /// The token the response carried; nil when the batch closed the execution.
    public var responseToken: String?
    /// The execution's `observedSequence` before the request.
    public var observedBefore: Int

    /// Creates a receipt.
    public init(clientToken: String, inboundToken: String, responseToken: String?, observedBefore: Int) {
        self.clientToken = clientToken
        self.inboundToken = inboundToken
        self.responseToken = responseToken
        self.observedBefore = observedBefore
    }

    private enum CodingKeys: String, CodingKey {
        case clientToken, inboundToken, responseToken, observedBefore
        /// Where records written before receipts kept the whole response.
        case response
    }

    /// Decodes a receipt, or the whole cached response older records hold in its place.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientToken = try container.decode(String.self, forKey: .clientToken)
        inboundToken = try container.decode(String.self, forKey: .inboundToken)
        if let observed = try container.decodeIfPresent(Int.self, forKey: .observedBefore) {
            responseToken = try container.decodeIfPresent(String.self, forKey: .responseToken)
            observedBefore = observed
        } else {
            // An older record: its response's token is kept; its operations are not, so a retry sees none.
            responseToken = try container.decodeIfPresent(CheckpointResponse.self, forKey: .response)?.checkpointToken
            observedBefore = Int.max
        }
    }

    /// Encodes the receipt.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientToken, forKey: .clientToken)
        try container.encode(inboundToken, forKey: .inboundToken)
        try container.encodeIfPresent(responseToken, forKey: .responseToken)
        try container.encode(observedBefore, forKey: .observedBefore)
    }
}
