import Foundation
import ServiceLifecycle

extension DurableEngine {
    /// Queues work for the invocation service; an execution's invocation is queued at most once.
    func enqueue(_ item: EngineWorkItem) {
        // Shared: the committed `queued` phase is the queue; this node and the others claim from the store.
        if shared != nil, case .invocation = item {
            claimSignal.signal()
            announceSignal.signal()
            return
        }
        let waiter = state.withLock { state -> CheckedContinuation<EngineWorkItem?, Never>? in
            if case .invocation(let arn) = item {
                guard state.queuedExecutions.insert(arn).inserted else { return nil }
            }
            state.busy += 1
            if let (id, waiter) = state.workWaiters.first {
                state.workWaiters.removeValue(forKey: id)
                return waiter
            }
            state.queue.append(item)
            return nil
        }
        waiter?.resume(returning: item)
    }

    /// The next work item; nil when the calling task is cancelled.
    func nextWorkItem() async -> EngineWorkItem? {
        let id = state.withLock { $0.makeWaiterId() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<EngineWorkItem?, Never>) in
                let ready = state.withLock { state -> EngineWorkItem?? in
                    // The shutdown flag is set before shutdown handlers run, so checking it here under the
                    // lock closes the gap with `releaseWorkWaiters`.
                    if Task.isCancelled || Task.isShuttingDownGracefully { return .some(nil) }
                    if !state.queue.isEmpty { return .some(state.queue.removeFirst()) }
                    state.workWaiters[id] = continuation
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.workWaiters.removeValue(forKey: id) }
            waiter?.resume(returning: nil)
        }
    }

    /// Answers every waiting invocation service with nil so it stops taking work (graceful shutdown).
    func releaseWorkWaiters() {
        let waiters = state.withLock { state -> [CheckedContinuation<EngineWorkItem?, Never>] in
            defer { state.workWaiters.removeAll() }
            return Array(state.workWaiters.values)
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }

    /// Marks a work item finished (after any follow-up work was queued).
    func finishWork() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.busy -= 1
            guard state.busy == 0 else { return [] }
            defer { state.idleWaiters.removeAll() }
            return state.idleWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Runs one work item. `handlerReturned` runs once its handler has answered (for an invocation,
    /// before its end is stored; for the others, when they finish).
    func perform(_ item: EngineWorkItem, handlerReturned: @Sendable () -> Void = {}) async {
        switch item {
        case .invocation(let arn):
            state.withLock { _ = $0.queuedExecutions.remove(arn) }
            await runInvocation(arn, handlerReturned: handlerReturned)
        case .plainInvoke(let parentArn, let dispatch):
            await runPlainInvoke(parentArn: parentArn, dispatch: dispatch)
            handlerReturned()
        case .plainEvent(let name, let version, let payload):
            await runPlainEvent(functionName: name, version: version, payload: payload)
            handlerReturned()
        }
        finishWork()
    }

    /// Returns when no invocation or chained call is queued or running.
    public func waitUntilIdle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state -> Bool in
                if state.busy == 0 { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    // MARK: Timer wake-ups

    /// Wakes the timer service so it re-reads the next due date.
    func pokeTimers() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.timerGeneration += 1
            defer { state.timerWaiters.removeAll() }
            return Array(state.timerWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    var timerGeneration: Int { state.withLock { $0.timerGeneration } }

    /// Suspends until timers change after `generation` (or the task is cancelled).
    func waitForTimerChange(after generation: Int) async {
        let id = state.withLock { $0.makeWaiterId() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let changed = state.withLock { state -> Bool in
                    if state.timerGeneration != generation || Task.isCancelled { return true }
                    state.timerWaiters[id] = continuation
                    return false
                }
                if changed { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.timerWaiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
