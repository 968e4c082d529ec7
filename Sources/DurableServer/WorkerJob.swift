import Foundation

/// One invocation waiting for, or handed to, a Runtime API worker.
public struct WorkerJob: Sendable, Hashable {
    /// The request id the worker answers under (`Lambda-Runtime-Aws-Request-Id`).
    public var requestId: String
    /// The function the worker serves.
    public var functionName: String
    /// The version (or `$LATEST`) being invoked.
    public var version: String
    /// When the worker must have answered (`Lambda-Runtime-Deadline-Ms`).
    public var deadline: Date
    /// The tenant the invocation runs for (`Lambda-Runtime-Aws-Tenant-Id`).
    public var tenantId: String?
    /// The event, as JSON text.
    public var payload: String

    /// Creates a job.
    public init(requestId: String, functionName: String, version: String, deadline: Date, tenantId: String? = nil, payload: String) {
        self.requestId = requestId
        self.functionName = functionName
        self.version = version
        self.deadline = deadline
        self.tenantId = tenantId
        self.payload = payload
    }
}
