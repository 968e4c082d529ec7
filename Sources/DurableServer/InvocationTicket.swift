import DurableModel
import Foundation

/// The running invocation's identity.
public struct InvocationTicket: Codable, Sendable, Hashable {
    /// The request id reported in `InvocationCompleted`.
    public var requestId: String
    /// When it started.
    public var startTimestamp: Date
    /// Creates a ticket.
    public init(requestId: String, startTimestamp: Date) {
        self.requestId = requestId
        self.startTimestamp = startTimestamp
    }
}
