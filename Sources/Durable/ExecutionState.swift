import DurableModel
import Foundation
import Synchronization

/// The shared state of one invocation: the operations map, the checkpoint queue and its flusher,
/// the runnable-task count that decides suspension, and the tasks blocked on the service.
///
/// Everything lives behind one mutex; continuations are always resumed outside it.
///
/// One checkpoint call is in flight at a time (`flushing`). A task that waits for its update and finds
/// no call in flight sends the queue itself instead of waking the flusher task, which saves two thread
/// handoffs per sequential step; tasks that may be cancelled mid-call (batch items) always go through
/// the flusher, so cancellation never interrupts a checkpoint call.
final class ExecutionState: Sendable {
    /// The execution's ARN.
    let executionArn: String
    /// The service.
    let client: any CheckpointClient
    /// Installed plugins.
    let plugins: PluginRunner
    private let storage: Mutex<Storage>
    private let wakeFlusher: AsyncStream<Void>.Continuation
    private let flusherSignals: AsyncStream<Void>
    private let wakeLazyTimer: AsyncStream<Void>.Continuation
    private let lazyTimerSignals: AsyncStream<Void>
    /// Unique per invocation, so `ClientToken`s never repeat across invocations (a retried invocation
    /// restarts the request counter).
    private let clientTokenPrefix: String

    /// Whether the current task may make checkpoint calls itself. Batch items clear it: they are
    /// cancelled when their batch completes, and a cancelled task would abort the call it makes.
    @TaskLocal static var mayCheckpointInline = true

    /// How long a lazily queued update waits for company before it is sent on its own.
    static let lazyGrace: Duration = .milliseconds(50)

    /// Most updates per checkpoint call (the Python SDK's self-limit).
    static let maxUpdatesPerBatch = 250
    /// Most payload bytes per checkpoint call (the SDKs' 750 KiB self-limit).
    static let maxBatchBytes = 750 * 1024

    /// Why the invocation stops early.
    enum Termination: Sendable {
        /// All tasks blocked on the service, or the token was withdrawn: `PENDING`.
        case suspended
        /// A checkpoint call failed.
        case checkpointFailed(any Error)
        /// The code diverged from the log.
        case nonDeterministic(DurableError)

        /// The error blocked tasks are resumed with.
        var interrupt: any Error {
            switch self {
            case .suspended: DurableInterrupt.suspended
            case .checkpointFailed: DurableInterrupt.checkpointFailed
            case .nonDeterministic(let error): error
            }
        }
    }

    private struct Waiter: Sendable {
        let operationId: String
        let isSatisfied: @Sendable (Operation) -> Bool
        let continuation: CheckedContinuation<Operation, any Error>
    }

    private struct QueuedUpdate: Sendable {
        let update: OperationUpdate
        let continuation: CheckedContinuation<Void, any Error>?
    }

    /// One checkpoint call's worth of updates.
    private struct Batch: Sendable {
        let token: String
        let clientToken: String
        let updates: [QueuedUpdate]
    }

    private struct Storage: Sendable {
        var operations: [String: Operation]
        var token: String?
        var queue: [QueuedUpdate] = []
        /// A checkpoint call is in flight (made by the flusher or by a waiting task).
        var flushing = false
        /// The flusher was asked to send while another task's call was in flight.
        var flusherDeferred = false
        var flusherFinished = false
        /// When the oldest lazily queued update that nothing has asked to send yet was queued.
        var lazySince: ContinuousClock.Instant?
        /// The lazy-update timer is running (it disarms itself when no lazy update waits).
        var lazyTimerArmed = false
        /// Tasks that can make progress without the service (see `DurableContext` docs).
        var runnable = 1
        var termination: Termination?
        var waiters: [Int: Waiter] = [:]
        var cancelledWaiters: Set<Int> = []
        var nextWaiterId = 0
        var executionClosed = false
        var checkpointCalls = 0

        /// Ends the invocation when nothing can progress: no runnable task, nothing queued or in flight.
        mutating func suspendIfIdle() -> [Waiter] {
            guard termination == nil, runnable <= 0, queue.isEmpty, !flushing else { return [] }
            termination = .suspended
            return takeAllWaiters()
        }

        mutating func takeAllWaiters() -> [Waiter] {
            let all = Array(waiters.values)
            waiters.removeAll()
            return all
        }

        /// Records that something asked for the queue to be sent: every lazy update in it goes with that.
        mutating func requestSend() {
            lazySince = nil
        }

        /// Marks a call in flight and numbers it; the `ClientToken` is the invocation's prefix and that number.
        mutating func startCall(token: String, updates: [QueuedUpdate], prefix: String) -> Batch {
            if queue.isEmpty { lazySince = nil }
            flushing = true
            flusherDeferred = false
            checkpointCalls += 1
            return Batch(token: token, clientToken: "\(prefix)-\(checkpointCalls)", updates: updates)
        }

        /// How many updates from the head of the queue fit in one checkpoint call.
        func batchCount() -> Int {
            var count = 0
            var bytes = 0
            for item in queue {
                let size = (item.update.payload?.utf8.count ?? 0) + (item.update.error?.errorMessage?.utf8.count ?? 0)
                    + (item.update.error?.errorData?.utf8.count ?? 0) + 256
                if count > 0 && (count >= ExecutionState.maxUpdatesPerBatch || bytes + size > ExecutionState.maxBatchBytes) { break }
                count += 1
                bytes += size
            }
            return count
        }
    }

    /// Creates the state for an invocation.
    init(executionArn: String, token: String, operations: [Operation], client: any CheckpointClient, plugins: PluginRunner) {
        self.executionArn = executionArn
        self.client = client
        self.plugins = plugins
        var map: [String: Operation] = [:]
        map.reserveCapacity(operations.count)
        for operation in operations { map[operation.id] = operation }
        storage = Mutex(Storage(operations: map, token: token))
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        flusherSignals = stream
        wakeFlusher = continuation
        let (timerStream, timerContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        lazyTimerSignals = timerStream
        wakeLazyTimer = timerContinuation
        clientTokenPrefix = UUID().uuidString
    }

    // MARK: Reading

    /// The current record of `id`.
    func operation(_ id: String) -> Operation? {
        storage.withLock { $0.operations[id] }
    }

    /// Whether `id` has a record.
    func hasOperation(_ id: String) -> Bool {
        storage.withLock { $0.operations[id] != nil }
    }

    /// Why the invocation stops, if it does.
    var termination: Termination? {
        storage.withLock { $0.termination }
    }

    /// The number of checkpoint calls made so far.
    var checkpointCalls: Int {
        storage.withLock { $0.checkpointCalls }
    }

    /// Whether an EXECUTION update closed the execution.
    var executionClosed: Bool {
        storage.withLock { $0.executionClosed }
    }

    /// Throws the interrupt if the invocation is stopping.
    func checkActive() throws {
        if let termination = storage.withLock({ $0.termination }) { throw termination.interrupt }
    }

    /// Records a determinism failure; it fails the execution whatever user code does with the error.
    func failNonDeterministic(_ error: DurableError) {
        let waiters = storage.withLock { s -> [Waiter] in
            guard s.termination == nil else { return [] }
            s.termination = .nonDeterministic(error)
            return s.takeAllWaiters()
        }
        for waiter in waiters { waiter.continuation.resume(throwing: error) }
    }

    // MARK: Runnable tasks

    /// A new branch task will run (called by the parent before adding it to its group).
    func taskWillStart() {
        storage.withLock { $0.runnable += 1 }
    }

    /// The calling task is about to wait for a child task to finish.
    ///
    /// A finishing child does not decrement the count: its unit passes to the parent it wakes,
    /// so the count never touches zero between a child's end and the parent's resumption.
    func taskWillAwaitChild() {
        let failed = storage.withLock { s -> [Waiter] in
            s.runnable -= 1
            return s.suspendIfIdle()
        }
        Self.fail(failed, with: DurableInterrupt.suspended)
    }

    // MARK: Waiting for the service

    /// Blocks the calling task until `id`'s record satisfies `isSatisfied`.
    ///
    /// While blocked the task does not count as runnable; when no task is runnable the invocation
    /// suspends and this throws `DurableInterrupt.suspended`.
    func waitForOperation(_ id: String, until isSatisfied: @escaping @Sendable (Operation) -> Bool) async throws -> Operation {
        let waiterId = storage.withLock { s -> Int in
            s.nextWaiterId += 1
            return s.nextWaiterId
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Operation, any Error>) in
                enum Action { case fail(any Error), resume(Operation), wait([Waiter]) }
                let action = storage.withLock { s -> Action in
                    if let termination = s.termination { return .fail(termination.interrupt) }
                    if s.cancelledWaiters.remove(waiterId) != nil { return .fail(DurableInterrupt.cancelled) }
                    if let operation = s.operations[id], isSatisfied(operation) { return .resume(operation) }
                    s.waiters[waiterId] = Waiter(operationId: id, isSatisfied: isSatisfied, continuation: continuation)
                    s.runnable -= 1
                    return .wait(s.suspendIfIdle())
                }
                switch action {
                case .fail(let error): continuation.resume(throwing: error)
                case .resume(let operation): continuation.resume(returning: operation)
                case .wait(let failed): Self.fail(failed, with: DurableInterrupt.suspended)
                }
            }
        } onCancel: {
            let waiter = storage.withLock { s -> Waiter? in
                if let waiter = s.waiters.removeValue(forKey: waiterId) {
                    s.runnable += 1
                    return waiter
                }
                s.cancelledWaiters.insert(waiterId)
                return nil
            }
            waiter?.continuation.resume(throwing: DurableInterrupt.cancelled)
        }
    }

    private static func fail(_ waiters: [Waiter], with error: any Error) {
        for waiter in waiters { waiter.continuation.resume(throwing: error) }
    }

    // MARK: Checkpointing

    /// Queues `update` without waiting for it to be sent.
    func enqueue(_ update: OperationUpdate) throws {
        try storage.withLock { s in
            if let termination = s.termination { throw termination.interrupt }
            s.requestSend()
            s.queue.append(QueuedUpdate(update: update, continuation: nil))
        }
        wakeFlusher.yield()
    }

    /// Queues `update` without sending it: it rides with the next update that is sent (or with whatever
    /// the invocation's end sends), so an at-least-once step's START and its result share one
    /// checkpoint. If nothing else is sent within `lazyGrace`, the lazy timer sends it on its own.
    func enqueueLazily(_ update: OperationUpdate) throws {
        let armTimer = try storage.withLock { s -> Bool in
            if let termination = s.termination { throw termination.interrupt }
            s.queue.append(QueuedUpdate(update: update, continuation: nil))
            if s.lazySince == nil { s.lazySince = .now }
            if s.lazyTimerArmed { return false }
            s.lazyTimerArmed = true
            return true
        }
        if armTimer { wakeLazyTimer.yield() }
    }

    /// Sends whatever is queued (lazily queued updates included).
    func flushQueued() {
        storage.withLock { $0.requestSend() }
        wakeFlusher.yield()
    }

    /// Queues `update` and waits until the checkpoint carrying it was answered.
    func enqueueAndWait(_ update: OperationUpdate) async throws {
        if Self.mayCheckpointInline, !Task.isCancelled, let batch = try takeInlineBatch(with: update) {
            // No call in flight: send from this task rather than hand the queue to the flusher and back.
            let sent = await send(batch)
            if storage.withLock({ s -> Bool in
                defer { s.flusherDeferred = false }
                return s.flusherDeferred
            }) {
                wakeFlusher.yield()
            }
            if !sent { throw DurableInterrupt.checkpointFailed }
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let failure = storage.withLock { s -> (any Error)? in
                if let termination = s.termination { return termination.interrupt }
                s.requestSend()
                s.queue.append(QueuedUpdate(update: update, continuation: continuation))
                return nil
            }
            if let failure { continuation.resume(throwing: failure) } else { wakeFlusher.yield() }
        }
    }

    /// The whole queue plus `update` as one call, when no call is in flight and it all fits in one.
    private func takeInlineBatch(with update: OperationUpdate) throws -> Batch? {
        try storage.withLock { s -> Batch? in
            if let termination = s.termination { throw termination.interrupt }
            guard !s.flushing, !s.flusherFinished, let token = s.token else { return nil }
            s.queue.append(QueuedUpdate(update: update, continuation: nil))
            guard s.batchCount() == s.queue.count else {
                s.queue.removeLast()
                return nil
            }
            let updates = s.queue
            s.queue = []
            return s.startCall(token: token, updates: updates, prefix: clientTokenPrefix)
        }
    }

    /// Sends queued updates until `finishFlusher` is called and the queue is empty.
    func runFlusher() async {
        for await _ in flusherSignals {
            while let batch = takeBatch() {
                await send(batch)
            }
        }
        // Whatever was queued after the last signal.
        while let batch = takeBatch() {
            await send(batch)
        }
    }

    /// Lets the flusher end once it sent everything queued.
    func finishFlusher() {
        storage.withLock { $0.flusherFinished = true }
        wakeFlusher.finish()
        wakeLazyTimer.finish()
    }

    /// Sends a lazily queued update once it waited `lazyGrace` with nothing sent; one timer serves the
    /// whole invocation. Ends when cancelled or when `finishFlusher` is called.
    func runLazyTimer() async {
        for await _ in lazyTimerSignals {
            while true {
                let deadline = storage.withLock { s -> ContinuousClock.Instant? in
                    guard let oldest = s.lazySince else {
                        s.lazyTimerArmed = false
                        return nil
                    }
                    return oldest + Self.lazyGrace
                }
                guard let deadline else { break }
                if deadline <= .now {
                    flushQueued()
                    continue
                }
                do { try await Task.sleep(until: deadline) } catch { return }
            }
        }
    }

    private func takeBatch() -> Batch? {
        enum Take { case batch(Batch), none, drop([QueuedUpdate], any Error, [Waiter]) }
        let take = storage.withLock { s -> Take in
            guard !s.queue.isEmpty else { return .none }
            if s.flushing {
                // Another task's call is in flight; it wakes the flusher again when it is answered.
                s.flusherDeferred = true
                return .none
            }
            if case .checkpointFailed = s.termination {
                let dropped = s.queue
                s.queue.removeAll()
                return .drop(dropped, DurableInterrupt.checkpointFailed, [])
            }
            guard let token = s.token else {
                // The token was withdrawn: nothing more can be saved; the invocation ends PENDING.
                let dropped = s.queue
                s.queue.removeAll()
                if s.termination == nil { s.termination = .suspended }
                return .drop(dropped, DurableInterrupt.suspended, s.takeAllWaiters())
            }
            let count = s.batchCount()
            let updates: [QueuedUpdate]
            if count == s.queue.count {
                updates = s.queue
                s.queue = []
            } else {
                updates = Array(s.queue.prefix(count))
                s.queue.removeFirst(count)
            }
            return .batch(s.startCall(token: token, updates: updates, prefix: clientTokenPrefix))
        }
        switch take {
        case .batch(let batch): return batch
        case .none: return nil
        case .drop(let dropped, let error, let waiters):
            for item in dropped { item.continuation?.resume(throwing: error) }
            Self.fail(waiters, with: error)
            return nil
        }
    }

    /// Makes one checkpoint call and applies its answer; false when the call failed.
    @discardableResult
    private func send(_ batch: Batch) async -> Bool {
        let updates = batch.updates.map(\.update)
        let closesExecution = updates.contains { $0.type == .execution }
        do {
            let response = try await client.checkpoint(
                executionArn: executionArn, token: batch.token, updates: updates, clientToken: batch.clientToken)
            apply(response, batch: batch.updates, closesExecution: closesExecution)
            return true
        } catch {
            let waiters = storage.withLock { s -> [Waiter] in
                s.flushing = false
                if s.termination == nil { s.termination = .checkpointFailed(error) }
                return s.takeAllWaiters()
            }
            for item in batch.updates { item.continuation?.resume(throwing: DurableInterrupt.checkpointFailed) }
            Self.fail(waiters, with: DurableInterrupt.checkpointFailed)
            return false
        }
    }

    private func apply(_ response: CheckpointResponse, batch: [QueuedUpdate], closesExecution: Bool) {
        var woken: [(Waiter, Operation)] = []
        let failed = storage.withLock { s -> [Waiter] in
            s.operations.reserveCapacity(s.operations.count + response.newExecutionState.operations.count)
            for operation in response.newExecutionState.operations {
                s.operations[operation.id] = operation
            }
            if closesExecution { s.executionClosed = true }
            s.token = response.checkpointToken
            for (id, waiter) in s.waiters {
                if let operation = s.operations[waiter.operationId], waiter.isSatisfied(operation) {
                    s.waiters.removeValue(forKey: id)
                    s.runnable += 1
                    woken.append((waiter, operation))
                }
            }
            s.flushing = false
            if response.checkpointToken == nil && !closesExecution && s.termination == nil {
                // The service withdrew the token: stop checkpointing and end with PENDING.
                s.termination = .suspended
                return s.takeAllWaiters()
            }
            return s.suspendIfIdle()
        }
        for item in batch { item.continuation?.resume() }
        for (waiter, operation) in woken { waiter.continuation.resume(returning: operation) }
        Self.fail(failed, with: DurableInterrupt.suspended)
    }

    /// The failure that stopped checkpointing, if any.
    var checkpointFailure: (any Error)? {
        storage.withLock { s in
            if case .checkpointFailed(let error) = s.termination { return error }
            return nil
        }
    }
}
