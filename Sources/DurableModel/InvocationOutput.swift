/// What a durable handler returns to the service at the end of an invocation.
public struct InvocationOutput: Codable, Sendable, Hashable {
    /// How the invocation ended.
    public var status: InvocationStatus
    /// The handler's result as JSON text (`SUCCEEDED` only).
    public var result: String?
    /// The execution's error (`FAILED` only).
    public var error: ErrorObject?

    /// Creates an output.
    public init(status: InvocationStatus, result: String? = nil, error: ErrorObject? = nil) {
        self.status = status
        self.result = result
        self.error = error
    }

    /// A suspended invocation.
    public static let pending = InvocationOutput(status: .pending)

    enum CodingKeys: String, CodingKey { case status = "Status", result = "Result", error = "Error" }
}
