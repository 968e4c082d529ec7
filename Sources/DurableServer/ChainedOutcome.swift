import DurableModel
import Foundation

/// A finished chained invoke waiting to be written to its parent operation.
public struct ChainedOutcome: Codable, Sendable, Hashable {
    /// The parent's CHAINED_INVOKE operation id.
    public var operationId: String
    /// The terminal status to give it.
    public var status: OperationStatus
    /// The result on success.
    public var result: String?
    /// The error otherwise.
    public var error: ErrorObject?
    /// Creates an outcome.
    public init(operationId: String, status: OperationStatus, result: String? = nil, error: ErrorObject? = nil) {
        self.operationId = operationId
        self.status = status
        self.result = result
        self.error = error
    }
}
