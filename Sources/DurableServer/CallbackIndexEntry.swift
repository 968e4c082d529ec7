/// Maps an opaque callback id to the operation it completes.
public struct CallbackIndexEntry: Codable, Sendable, Hashable {
    /// The callback id handed to external systems.
    public var callbackId: String
    /// The execution owning the callback.
    public var executionArn: String
    /// The CALLBACK operation id.
    public var operationId: String

    /// Creates an entry.
    public init(callbackId: String, executionArn: String, operationId: String) {
        self.callbackId = callbackId
        self.executionArn = executionArn
        self.operationId = operationId
    }
}
