import DurableModel
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The durable execution service: starts executions, applies checkpoints, runs timers and callbacks,
/// and gates handler invocations (at most one per execution).
///
/// All durable state lives in the `ExecutionStore`; every change to one execution happens under that
/// execution's async lock, so checkpoints of one execution apply strictly serially while different
/// executions proceed in parallel.
public final class DurableEngine: Sendable {
    let store: any ExecutionStore
    let invoker: any FunctionInvoker
    let clock: any DurableClock
    /// The engine's settings.
    public let configuration: EngineConfiguration
    let logger: Logger
    let locks = ExecutionLocks()
    let state = Mutex(EngineState())
    /// The shared store when `configuration.sharing` is set: invocations and timers are then claimed
    /// from it under leases rather than taken from the in-memory queue.
    let shared: (any SharedWorkStore)?
    /// Signalled when this node may find invocations to claim.
    let claimSignal = WakeSignal()
    /// Signalled when other nodes should be told about new work (sent coalesced).
    let announceSignal = WakeSignal()
    /// Executions whose lease this node holds, with how many of its tasks hold it.
    let heldLeases = Mutex<[String: Int]>([:])
    /// The store's function tables, when it keeps functions (cast once: a dynamic cast per call costs).
    let functionStore: (any FunctionStore)?
    /// Recent `FunctionStore.function(named:)` answers for resolving functions on every start and invocation.
    let functionLookups = FunctionLookupCache()
    /// Begun invocations whose begin is not yet committed (one node only): the next commit of the
    /// execution carries it. See `beginInvocation`.
    let stagedBegins = Mutex<[String: MutationBuilder]>([:])

    /// Creates an engine.
    public init(store: any ExecutionStore, invoker: any FunctionInvoker, clock: any DurableClock = SystemClock(),
                configuration: EngineConfiguration = .init(), logger: Logger = Logger(label: "durable.engine")) {
        self.store = store
        self.invoker = invoker
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        self.shared = configuration.sharing == nil ? nil : store as? any SharedWorkStore
        self.functionStore = store as? any FunctionStore
    }

    // MARK: - Functions

    /// Registers (or replaces) a function.
    public func register(_ function: FunctionConfiguration) {
        state.withLock { $0.functions[function.name] = function }
    }

    /// Whether a function of this name is registered.
    public func isRegistered(_ name: String) -> Bool {
        state.withLock { $0.functions[name] != nil }
    }

    /// The registered configuration of `name`.
    public func function(named name: String) -> FunctionConfiguration? {
        state.withLock { $0.functions[name] }
    }

    /// The processor with chained-invoke targets looked up beforehand (the store is async, the processor is not).
    func processor(resolvedTargets: [ChainedTargetKey: ChainedTarget]) -> CheckpointProcessor {
        CheckpointProcessor(environment: CheckpointEnvironment(
            partition: configuration.partition, accountId: configuration.accountId, region: configuration.region,
            resolveFunction: { name, qualifier in resolvedTargets[ChainedTargetKey(name: name, qualifier: qualifier)] },
            makeCallbackId: { RandomToken.make(byteCount: 24) }))
    }

    /// A `CheckpointClient` that calls this engine in process.
    public var checkpointClient: any CheckpointClient { EngineCheckpointClient(engine: self) }

    // MARK: - Start

    /// Starts an execution, or returns the RUNNING one with the same name and input.
    /// The qualifier (`$LATEST`, a version or an alias) is resolved here, once: the execution's ARN
    /// names that version and every invocation of the execution runs on it.
    public func startExecution(_ request: StartExecutionRequest) async throws -> StartExecutionResult {
        let resolved = try await resolveFunction(request.functionName, qualifier: request.qualifier)
        let function = resolved.configuration
        guard function.isDurable else {
            throw DurableServiceError.invalidParameter("Function \(request.functionName) is not a durable function")
        }
        if let name = request.executionName, !Validation.isExecutionName(name) {
            throw DurableServiceError.invalidParameter("Invalid DurableExecutionName '\(name)': must be 1 to 64 characters matching [a-zA-Z0-9-_]")
        }
        if let tenant = request.tenantId, !Validation.isTenantId(tenant) {
            throw DurableServiceError.invalidParameter("TenantId must be 1 to 256 characters matching [a-zA-Z0-9._:/=+-@ ].")
        }
        let name = request.executionName ?? UUID().uuidString.lowercased()
        let arn = DurableExecutionARN(partition: configuration.partition, region: configuration.region, accountId: configuration.accountId,
                                      functionName: function.name, qualifier: resolved.version, executionName: name,
                                      executionId: UUID().uuidString.lowercased())
        let outcome = try await createExecution(arn: arn, function: function, input: request.inputPayload,
                                                tenantId: request.tenantId, traceHeader: request.traceHeader)
        switch outcome {
        case .created(let record):
            return StartExecutionResult(executionArn: record.arn, record: record, alreadyExisted: false)
        case .existing(let record):
            guard record.status == .running, record.inputPayload == request.inputPayload else {
                throw DurableServiceError.alreadyStarted("Durable execution with name '\(name)' already exists for function \(function.name)")
            }
            return StartExecutionResult(executionArn: record.arn, record: record, alreadyExisted: true)
        }
    }

    /// Stores a new execution (EXECUTION operation, `ExecutionStarted`, timeout timer) and queues invocation #1.
    func createExecution(arn: DurableExecutionARN, function: FunctionConfiguration, input: String?, tenantId: String?,
                         traceHeader: String?, parentArn: String? = nil, parentOperationId: String? = nil) async throws -> CreateExecutionOutcome {
        let now = clock.now()
        var record = ExecutionRecord(
            arn: arn.description, functionName: function.name, qualifier: arn.qualifier, executionName: arn.executionName,
            executionId: arn.executionId, functionArn: arn.functionArn, executedVersion: arn.qualifier, startTimestamp: now,
            inputPayload: input, executionTimeoutSeconds: function.executionTimeoutSeconds,
            retentionPeriodDays: function.retentionPeriodDays, tenantId: tenantId, traceHeader: traceHeader,
            parentExecutionArn: parentArn, parentOperationId: parentOperationId)
        let execution = StoredOperation(
            operation: DurableModel.Operation(id: arn.executionId, type: .execution, startTimestamp: now, status: .started,
                                              executionDetails: ExecutionDetails(inputPayload: input)),
            position: 0, sequence: 1)
        record.lastSequence = 1
        record.previousInvocationSequence = 1
        record.lastEventId = 1
        record.invocationPhase = .queued
        let started = HistoryEvent(eventType: .executionStarted, eventId: 1, eventTimestamp: now,
                                   details: EventDetails(input: EventPayload(payload: input), executionTimeout: function.executionTimeoutSeconds))
        let timeout = DurableTimer(executionArn: record.arn, kind: .executionTimeout,
                                   dueAt: now.addingTimeInterval(TimeInterval(function.executionTimeoutSeconds)))
        let outcome = try await store.createExecution(record, operations: [execution], events: [started], timers: [timeout])
        if case .created = outcome {
            logger.debug("execution started", metadata: ["arn": "\(record.arn)"])
            pokeTimers()
            enqueue(.invocation(executionArn: record.arn))
        }
        return outcome
    }

    // MARK: - Reads

    func requireRecord(_ arn: String) async throws -> ExecutionRecord {
        guard let record = try await store.execution(arn: arn) else {
            throw DurableServiceError.notFound("Durable execution not found: \(arn)")
        }
        return record
    }

    /// `GetDurableExecution`.
    public func describeExecution(executionArn: String) async throws -> ExecutionDescription {
        ExecutionDescription(record: try await requireRecord(executionArn))
    }

    /// `GetDurableExecutionHistory`: markers are the last event id of the previous page.
    public func history(executionArn: String, includeExecutionData: Bool = true, reverseOrder: Bool = false,
                        marker: String? = nil, maxItems: Int? = nil) async throws -> GetDurableExecutionHistoryResponse {
        _ = try await requireRecord(executionArn)
        var after: Int?
        if let marker, !marker.isEmpty {
            guard let value = Int(marker), value >= 0 else { throw DurableServiceError.invalidParameter("Invalid marker") }
            after = value
        }
        let size = Self.pageSize(maxItems)
        var events = try await store.events(executionArn: executionArn, after: after, limit: size + 1, reverse: reverseOrder)
        let more = events.count > size
        if more { events.removeLast() }
        if !includeExecutionData {
            events = events.map { event in
                var copy = event
                copy.details = event.details.withoutExecutionData()
                return copy
            }
        }
        return GetDurableExecutionHistoryResponse(events: events, nextMarker: more ? events.last.map { String($0.eventId) } : nil)
    }

    /// One page of the execution's log records, oldest first; markers count the records already read.
    public func executionLogs(executionArn: String, marker: String? = nil, maxItems: Int? = nil) async throws -> ExecutionLogsResponse {
        _ = try await requireRecord(executionArn)
        var offset = 0
        if let marker, !marker.isEmpty {
            guard let value = Int(marker), value >= 0 else { throw DurableServiceError.invalidParameter("Invalid marker") }
            offset = value
        }
        let size = Self.pageSize(maxItems)
        var records = try await store.logs(executionArn: executionArn, after: offset, limit: size + 1)
        let more = records.count > size
        if more { records.removeLast() }
        return ExecutionLogsResponse(records: records, nextMarker: more ? String(offset + records.count) : nil)
    }

    /// `ListDurableExecutionsByFunction`.
    public func listExecutions(_ query: ExecutionListQuery) async throws -> ListDurableExecutionsResponse {
        let page = try await store.listExecutions(query)
        return ListDurableExecutionsResponse(
            durableExecutions: page.records.map {
                ExecutionSummary(durableExecutionArn: $0.arn, durableExecutionName: $0.executionName, functionArn: $0.functionArn,
                                 status: $0.status, startTimestamp: $0.startTimestamp, endTimestamp: $0.endTimestamp)
            },
            nextMarker: page.nextMarker)
    }

    static func pageSize(_ maxItems: Int?) -> Int {
        guard let maxItems, maxItems > 0 else { return DurableLimits.defaultPageSize }
        return min(maxItems, DurableLimits.maxPageSize)
    }

    /// Suspends until the execution has closed and returns its description.
    public func waitForCompletion(executionArn: String) async throws -> ExecutionDescription {
        let box = OneShot<ExecutionDescription>()
        let id = state.withLock { state in
            let id = state.makeWaiterId()
            state.completionWaiters[executionArn, default: [:]][id] = box
            return id
        }
        defer { _ = state.withLock { $0.completionWaiters[executionArn]?.removeValue(forKey: id) } }
        // Registered before looking, so a close in between is never missed.
        let record = try await requireRecord(executionArn)
        if record.status.isTerminal { return ExecutionDescription(record: record) }
        return try await withTaskCancellationHandler {
            guard shared != nil, let sharing = configuration.sharing else { return try await box.value }
            // Another node may close it, and only this node's closes fulfill the box: look again every poll interval.
            return try await withThrowingTaskGroup(of: ExecutionDescription.self) { group in
                group.addTask { try await box.value }
                group.addTask { [store] in
                    while true {
                        try await Task.sleep(for: sharing.pollInterval)
                        if let record = try await store.execution(arn: executionArn), record.status.isTerminal {
                            return ExecutionDescription(record: record)
                        }
                    }
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw CancellationError() }
                return first
            }
        } onCancel: {
            box.fulfill(.failure(CancellationError()))
        }
    }

    /// Wakes everyone waiting for `record` to close.
    func notifyClosed(_ record: ExecutionRecord) {
        let waiters = state.withLock { $0.completionWaiters.removeValue(forKey: record.arn) ?? [:] }
        let description = ExecutionDescription(record: record)
        for waiter in waiters.values { waiter.fulfill(.success(description)) }
    }

    // MARK: - Commit

    /// Commits `builder` and performs what must follow a commit: queueing, waking the timer service,
    /// notifying waiters. Returns the stored record.
    @discardableResult
    func commit(_ builder: MutationBuilder) async throws -> ExecutionRecord {
        let record: ExecutionRecord
        do {
            record = try await store.commit(builder.mutation())
        } catch {
            if builder.carriesStagedBegin, case ExecutionStoreError.versionConflict = error {
                // Another writer moved the execution on under the staged begin (only possible with a
                // second process on the file): the begin is void, and the running invocation's token
                // with it. The stored state decides whether an invocation is due.
                stagedBegins.withLock { _ = $0.removeValue(forKey: builder.arn) }
                enqueue(.invocation(executionArn: builder.arn))
            }
            throw error
        }
        if builder.carriesStagedBegin { stagedBegins.withLock { _ = $0.removeValue(forKey: builder.arn) } }
        if !builder.armTimers.isEmpty {
            pokeTimers()
            if shared != nil { announceSignal.signal() }
        }
        if builder.needsEnqueue { enqueue(.invocation(executionArn: record.arn)) }
        if builder.closed { notifyClosed(record) }
        return record
    }

    /// Runs `body` on a builder of the execution's current state under its lock, then commits.
    /// Returns the body's value and the committed record (nil when the execution does not exist).
    /// A version conflict (another node committed in between) re-reads the state and runs `body` again.
    func mutate<T>(_ arn: String, _ body: (inout MutationBuilder) async throws -> T) async throws -> (T, ExecutionRecord)? {
        try await locks.withLock(arn) {
            try await retryingConflicts {
                try await withSnapshot(arn) { snapshot in
                    guard let snapshot else { return nil }
                    var builder = snapshot.builder()
                    let value = try await body(&builder)
                    let stored = try await commit(builder)
                    return (value, stored)
                }
            }
        }
    }

    /// Runs `step` on the execution's snapshot (nil when it does not exist). A snapshot the store
    /// served from its cache unchecked is trusted for the attempt; if the step fails on it for any
    /// reason but a version conflict, it runs once more on a verified snapshot, so a stale cache can
    /// never be the reason a request is refused.
    func withSnapshot<T>(_ arn: String, _ step: (ExecutionSnapshot?) async throws -> T) async throws -> T {
        // A staged begin is newer than the store; it stays staged until a commit carries it, so a step
        // that fails or writes nothing leaves it in place.
        if let staged = stagedBegin(arn) { return try await step(ExecutionSnapshot(staged: staged)) }
        let snapshot = try await store.snapshot(executionArn: arn, verified: false)
        guard let snapshot, !snapshot.verified else { return try await step(snapshot) }
        do {
            return try await step(snapshot)
        } catch let error as ExecutionStoreError {
            throw error
        } catch {
            return try await step(try await store.snapshot(executionArn: arn, verified: true))
        }
    }

    /// Runs `attempt` again while it fails with a version conflict, a bounded number of times.
    ///
    /// In one process the execution locks rule conflicts out; with several nodes on one database
    /// they are how a node learns that another changed the execution first, and reading again is
    /// the whole remedy, since every attempt starts from the stored state.
    func retryingConflicts<T>(_ attempt: () async throws -> T) async throws -> T {
        var conflicts = 0
        while true {
            do {
                return try await attempt()
            } catch ExecutionStoreError.versionConflict(let arn, let expected, let actual) {
                conflicts += 1
                guard conflicts < 32 else { throw ExecutionStoreError.versionConflict(arn: arn, expected: expected, actual: actual) }
                // Nodes that keep colliding on one execution step apart.
                if conflicts > 2 { try await Task.sleep(for: .milliseconds(Int.random(in: 1...(4 * conflicts)))) }
            }
        }
    }

    /// After an execution closed: tell its parent (chained invoke) about the outcome.
    func afterClose(_ record: ExecutionRecord) async {
        guard let parentArn = record.parentExecutionArn, let operationId = record.parentOperationId else { return }
        let outcome: ChainedOutcome
        switch record.status {
        case .succeeded:
            outcome = ChainedOutcome(operationId: operationId, status: .succeeded, result: record.result)
        case .timedOut:
            outcome = ChainedOutcome(operationId: operationId, status: .timedOut, error: ErrorObject(
                errorType: "ChainedInvoke.Timeout", errorMessage: "CHAINED_INVOKE timed out after \(record.executionTimeoutSeconds) seconds."))
        case .stopped:
            outcome = ChainedOutcome(operationId: operationId, status: .stopped, error: record.error)
        case .failed, .running:
            outcome = ChainedOutcome(operationId: operationId, status: .failed, error: record.error)
        }
        await deliverChainedOutcome(parentArn: parentArn, outcome: outcome)
    }
}
