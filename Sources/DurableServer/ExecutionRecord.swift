import DurableModel
import Foundation

/// One execution's row: identity, status, outcome and the engine's bookkeeping counters.
///
/// Operations, events, timers and callback ids live in their own rows; this record stays small so
/// every commit rewrites only it plus the rows that changed.
public struct ExecutionRecord: Codable, Sendable, Hashable {
    /// The stored members (their names are the keys `Codable` writes), kept behind `CopyOnWrite`: a
    /// record is copied several times per checkpoint. Each member is documented on its public property.
    struct Fields: Codable, Sendable, Hashable {
        var arn: String
        var functionName: String
        var qualifier: String
        var executionName: String
        var executionId: String
        var functionArn: String
        var executedVersion: String
        var status: ExecutionStatus
        var startTimestamp: Date
        var endTimestamp: Date?
        var inputPayload: String?
        var result: String?
        var error: ErrorObject?
        var executionTimeoutSeconds: Int
        var retentionPeriodDays: Int
        var purgeAfter: Date?
        var tenantId: String?
        var traceHeader: String?
        var parentExecutionArn: String?
        var parentOperationId: String?
        var version: Int
        var lastSequence: Int
        var lastPosition: Int
        var lastEventId: Int
        var observedSequence: Int
        var previousInvocationSequence: Int
        var checkpointToken: String?
        var lastCheckpoint: CachedCheckpoint?
        var invocationPhase: InvocationPhase
        var currentInvocation: InvocationTicket?
        var failedInvocations: Int
        var idlePendingAnswers: Int
        var checkpointedCompletion: ExecutionCompletion?
        var deferredChainedResults: [ChainedOutcome]

        init(
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

    /// The members, shared copy-on-write.
    @CopyOnWrite private var fields: Fields

    /// The execution ARN (primary key).
    public var arn: String {
        get { fields.arn }
        set { fields.arn = newValue }
    }

    /// The function name.
    public var functionName: String {
        get { fields.functionName }
        set { fields.functionName = newValue }
    }

    /// The qualifier the execution was started on (`$LATEST` or a version).
    public var qualifier: String {
        get { fields.qualifier }
        set { fields.qualifier = newValue }
    }

    /// The execution name (unique per function while retained).
    public var executionName: String {
        get { fields.executionName }
        set { fields.executionName = newValue }
    }

    /// The execution id; also the EXECUTION operation's id.
    public var executionId: String {
        get { fields.executionId }
        set { fields.executionId = newValue }
    }

    /// The ARN of the function version.
    public var functionArn: String {
        get { fields.functionArn }
        set { fields.functionArn = newValue }
    }

    /// The version the execution runs on (`GetDurableExecution.Version`).
    public var executedVersion: String {
        get { fields.executedVersion }
        set { fields.executedVersion = newValue }
    }

    /// The execution's status.
    public var status: ExecutionStatus {
        get { fields.status }
        set { fields.status = newValue }
    }

    /// When it started.
    public var startTimestamp: Date {
        get { fields.startTimestamp }
        set { fields.startTimestamp = newValue }
    }

    /// When it closed.
    public var endTimestamp: Date? {
        get { fields.endTimestamp }
        set { fields.endTimestamp = newValue }
    }

    /// The input payload.
    public var inputPayload: String? {
        get { fields.inputPayload }
        set { fields.inputPayload = newValue }
    }

    /// The result when SUCCEEDED.
    public var result: String? {
        get { fields.result }
        set { fields.result = newValue }
    }

    /// The error when FAILED, TIMED_OUT or STOPPED.
    public var error: ErrorObject? {
        get { fields.error }
        set { fields.error = newValue }
    }

    /// The execution timeout in seconds.
    public var executionTimeoutSeconds: Int {
        get { fields.executionTimeoutSeconds }
        set { fields.executionTimeoutSeconds = newValue }
    }

    /// How long the execution is kept after it closes.
    public var retentionPeriodDays: Int {
        get { fields.retentionPeriodDays }
        set { fields.retentionPeriodDays = newValue }
    }

    /// When a closed execution may be purged.
    public var purgeAfter: Date? {
        get { fields.purgeAfter }
        set { fields.purgeAfter = newValue }
    }

    /// The tenant the execution runs for.
    public var tenantId: String? {
        get { fields.tenantId }
        set { fields.tenantId = newValue }
    }

    /// The trace header handed in at start.
    public var traceHeader: String? {
        get { fields.traceHeader }
        set { fields.traceHeader = newValue }
    }

    /// The parent execution when this one is a chained-invoke child.
    public var parentExecutionArn: String? {
        get { fields.parentExecutionArn }
        set { fields.parentExecutionArn = newValue }
    }

    /// The parent's CHAINED_INVOKE operation id.
    public var parentOperationId: String? {
        get { fields.parentOperationId }
        set { fields.parentOperationId = newValue }
    }

    /// Optimistic-concurrency version; every commit bumps it by one.
    public var version: Int {
        get { fields.version }
        set { fields.version = newValue }
    }

    /// The last operation change sequence number handed out.
    public var lastSequence: Int {
        get { fields.lastSequence }
        set { fields.lastSequence = newValue }
    }

    /// The last operation start position handed out.
    public var lastPosition: Int {
        get { fields.lastPosition }
        set { fields.lastPosition = newValue }
    }

    /// The last history event id appended.
    public var lastEventId: Int {
        get { fields.lastEventId }
        set { fields.lastEventId = newValue }
    }

    /// The highest operation sequence the running handler has observed.
    public var observedSequence: Int {
        get { fields.observedSequence }
        set { fields.observedSequence = newValue }
    }

    /// The sequence at the end of the previous invocation (for `UpdatedOperationIds`).
    public var previousInvocationSequence: Int {
        get { fields.previousInvocationSequence }
        set { fields.previousInvocationSequence = newValue }
    }

    /// The current checkpoint token; nil when no invocation may checkpoint.
    public var checkpointToken: String? {
        get { fields.checkpointToken }
        set { fields.checkpointToken = newValue }
    }

    /// The last accepted checkpoint, for `ClientToken` replays.
    public var lastCheckpoint: CachedCheckpoint? {
        get { fields.lastCheckpoint }
        set { fields.lastCheckpoint = newValue }
    }

    /// Whether an invocation is queued or running.
    public var invocationPhase: InvocationPhase {
        get { fields.invocationPhase }
        set { fields.invocationPhase = newValue }
    }

    /// The running invocation, when there is one.
    public var currentInvocation: InvocationTicket? {
        get { fields.currentInvocation }
        set { fields.currentInvocation = newValue }
    }

    /// Consecutive failed invocations.
    public var failedInvocations: Int {
        get { fields.failedInvocations }
        set { fields.failedInvocations = newValue }
    }

    /// Consecutive `PENDING` answers with nothing pending.
    public var idlePendingAnswers: Int {
        get { fields.idlePendingAnswers }
        set { fields.idlePendingAnswers = newValue }
    }

    /// The outcome an EXECUTION checkpoint recorded, applied when the invocation ends.
    public var checkpointedCompletion: ExecutionCompletion? {
        get { fields.checkpointedCompletion }
        set { fields.checkpointedCompletion = newValue }
    }

    /// Chained-invoke outcomes that arrived while the invocation ran, applied after it ends.
    public var deferredChainedResults: [ChainedOutcome] {
        get { fields.deferredChainedResults }
        set { fields.deferredChainedResults = newValue }
    }

    /// Creates a fresh RUNNING record.
    public init(
        arn: String, functionName: String, qualifier: String, executionName: String, executionId: String,
        functionArn: String, executedVersion: String, startTimestamp: Date, inputPayload: String?,
        executionTimeoutSeconds: Int, retentionPeriodDays: Int, tenantId: String? = nil, traceHeader: String? = nil,
        parentExecutionArn: String? = nil, parentOperationId: String? = nil
    ) {
        fields = Fields(
            arn: arn, functionName: functionName, qualifier: qualifier, executionName: executionName,
            executionId: executionId, functionArn: functionArn, executedVersion: executedVersion,
            startTimestamp: startTimestamp, inputPayload: inputPayload,
            executionTimeoutSeconds: executionTimeoutSeconds, retentionPeriodDays: retentionPeriodDays,
            tenantId: tenantId, traceHeader: traceHeader, parentExecutionArn: parentExecutionArn,
            parentOperationId: parentOperationId
        )
    }

    /// Reads a record written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        fields = try Fields(from: decoder)
    }

    /// Writes the members under their names.
    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
    }
}
