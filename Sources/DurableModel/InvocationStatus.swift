/// How a handler invocation ended.
public enum InvocationStatus: String, Codable, Sendable, Hashable {
    /// The handler returned a result.
    case succeeded = "SUCCEEDED"
    /// The handler failed the execution.
    case failed = "FAILED"
    /// The handler is suspended until the service resolves something it waits on.
    case pending = "PENDING"
}
