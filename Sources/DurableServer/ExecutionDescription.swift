import DurableModel
import Foundation

/// What `GetDurableExecution` reports about an execution.
public struct ExecutionDescription: Sendable, Hashable {
    /// The execution ARN.
    public var executionArn: String
    /// The execution name.
    public var executionName: String
    /// The function version's ARN.
    public var functionArn: String
    /// The status.
    public var status: ExecutionStatus
    /// When it started.
    public var startTimestamp: Date
    /// When it closed.
    public var endTimestamp: Date?
    /// The input.
    public var inputPayload: String?
    /// The result (SUCCEEDED only).
    public var result: String?
    /// The error (FAILED, TIMED_OUT, STOPPED only).
    public var error: ErrorObject?
    /// The version it runs on.
    public var version: String
    /// The trace header it started with.
    public var traceHeader: String?

    /// Describes a stored execution.
    public init(record: ExecutionRecord) {
        executionArn = record.arn
        executionName = record.executionName
        functionArn = record.functionArn
        status = record.status
        startTimestamp = record.startTimestamp
        endTimestamp = record.endTimestamp
        inputPayload = record.inputPayload
        result = record.status == .succeeded ? record.result : nil
        error = record.status == .succeeded || record.status == .running ? nil : record.error
        version = record.executedVersion
        traceHeader = record.traceHeader
    }

    /// The `GetDurableExecution` response body.
    public var wireResponse: GetDurableExecutionResponse {
        GetDurableExecutionResponse(durableExecutionArn: executionArn, durableExecutionName: executionName, functionArn: functionArn,
                                    status: status, startTimestamp: startTimestamp, endTimestamp: endTimestamp,
                                    inputPayload: inputPayload, result: result, error: error, version: version,
                                    traceHeader: traceHeader.map { TraceHeader(xAmznTraceId: $0) })
    }
}
