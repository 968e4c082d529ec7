import DurableModel
import Foundation

/// One execution's row: identity, status, outcome and the engine's bookkeeping counters.
///
/// Operations, events, timers and callback ids live in their own rows; this record stays small so
/// every commit rewrites only it plus the rows that changed.
public struct ExecutionRecord: Codable, Sendable, Hashable {
    /// The execution ARN (primary key).
    public var arn: String
    /// The function name.
    public var functionName: String
    /// The qualifier the execution was started on (`$LATEST` or a version).
    public var qualifier: String
    /// The execution name (unique per function while retained).
    public var executionName: String
    /// The execution id; also the EXECUTION operation's id.
    public var executionId: String
    /// The ARN of the function version.
    public var functionArn: String
    /// The version the execution runs on (`GetDurableExecution.Version`).
    public var executedVersion: String
    /// The execution's status.
    public var status: ExecutionStatus
    /// When it started.
    public var startTimestamp: Date
    /// When it closed.
    public var endTimestamp: Date?
    /// The input payload.
    public var inputPayload: String?
    /// The result when SUCCEEDED.
    public var result: String?
    /// The error when FAILED, TIMED_OUT or STOPPED.
    public var error: ErrorObject?
    /// The execution timeout in seconds.
    public var executionTimeoutSeconds: Int
    /// How long the execution is kept after it closes.
    public var retentionPeriodDays: Int
    /// When a closed execution may be purged.
    public var purgeAfter: Date?
    /// The tenant the execution runs for.
    public var tenantId: String?
    /// The trace header handed in at start.
    public var traceHeader: String?
    /// The parent execution when this one is a chained-invoke child.
    public var parentExecutionArn: String?
    /// The parent's CHAINED_INVOKE operation id.
    public var parentOperationId: String?

    /// Optimistic-concurrency version; every commit bumps it by one.
    public var version: Int
    /// The last operation change sequence number handed out.
    public var lastSequence: Int
    /// The last operation start position handed out.
    public var lastPosition: Int
    /// The last history event id appended.
    public var lastEventId: Int
    /// The highest operation sequence the running handler has observed.
    public var observedSequence: Int
    /// The sequence at the end of the previous invocation (for `UpdatedOperationIds`).
    public var previousInvocationSequence: Int

    /// The current checkpoint token; nil when no invocation may checkpoint.
    public var checkpointToken: String?
    /// The last accepted checkpoint, for `ClientToken` replays.
    public var lastCheckpoint: CachedCheckpoint?
    /// Whether an invocation is queued or running.
    public var invocationPhase: InvocationPhase
    /// The running invocation, when there is one.
    public var currentInvocation: InvocationTicket?
    /// Consecutive failed invocations.
    public var failedInvocations: Int
    /// Consecutive `PENDING` answers with nothing pending.
    public var idlePendingAnswers: Int
    /// The outcome an EXECUTION checkpoint recorded, applied when the invocation ends.
    public var checkpointedCompletion: ExecutionCompletion?
    /// Chained-invoke outcomes that arrived while the invocation ran, applied after it ends.
    public var deferredChainedResults: [ChainedOutcome]

    /// Creates a fresh RUNNING record.
    public init(
        arn: String, functionName: String, qualifier: String, executionName: String, executionId: String,
        functionArn: String, executedVersion: String, startTimestamp: Date, inputPayload: String?,
        executionTimeoutSeconds: Int, retentionPeriodDays: Int, tenantId: String? = nil, traceHeader: String? = nil,
        parentExecutionArn: String? = nil, parentOperationId: String? = nil
    ) {
        self.arn = arn
        self.functionName = functionName
        self.qualifier = qualifier
        self.executionName = executionName
        self.executionId = executionId
        self.functionArn = functionArn
        self.executedVersion = executedVersion
        self.status = .running
        self.startTimestamp = startTimestamp
        self.inputPayload = inputPayload
        self.executionTimeoutSeconds = executionTimeoutSeconds
        self.retentionPeriodDays = retentionPeriodDays
        self.tenantId = tenantId
        self.traceHeader = traceHeader
        self.parentExecutionArn = parentExecutionArn
        self.parentOperationId = parentOperationId
        self.version = 0
        self.lastSequence = 0
        self.lastPosition = 0
        self.lastEventId = 0
        self.observedSequence = 0
        self.previousInvocationSequence = 0
        self.invocationPhase = .idle
        self.failedInvocations = 0
        self.idlePendingAnswers = 0
        self.deferredChainedResults = []
    }
}

/// Where an execution stands with respect to handler invocations.
public enum InvocationPhase: String, Codable, Sendable, Hashable {
    /// Nothing queued or running.
    case idle
    /// Waiting for the invocation service.
    case queued
    /// A handler invocation is in flight.
    case running
}

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

/// How an execution (or a chained target) ended.
public enum ExecutionCompletion: Codable, Sendable, Hashable {
    /// Succeeded with a result.
    case succeeded(String?)
    /// Failed with an error.
    case failed(ErrorObject?)
}

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
