/// A request to start a durable execution (Invoke of a durable function).
public struct StartExecutionRequest: Sendable, Hashable {
    /// The function to run.
    public var functionName: String
    /// `$LATEST` or a version.
    public var qualifier: String
    /// The idempotency name; a fresh id is generated when nil.
    public var executionName: String?
    /// The input as JSON text.
    public var inputPayload: String?
    /// The tenant.
    public var tenantId: String?
    /// The trace header.
    public var traceHeader: String?

    /// Creates a request.
    public init(functionName: String, qualifier: String = "$LATEST", executionName: String? = nil, inputPayload: String? = nil,
                tenantId: String? = nil, traceHeader: String? = nil) {
        self.functionName = functionName
        self.qualifier = qualifier
        self.executionName = executionName
        self.inputPayload = inputPayload
        self.tenantId = tenantId
        self.traceHeader = traceHeader
    }
}
