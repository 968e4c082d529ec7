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
