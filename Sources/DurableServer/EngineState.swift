import DurableModel

/// The engine's in-memory coordination state (the durable state lives in the store).
struct EngineState {
    var functions: [String: FunctionConfiguration] = [:]
    /// What each compiled-in function shows through the function APIs, derived once per registration
    /// (it hashes and formats dates, and every start and invocation resolves the function).
    var compiledViews: [String: (FunctionConfiguration, LambdaFunctionConfiguration)] = [:]
    /// Work waiting for the invocation service, in arrival order.
    var queue: [EngineWorkItem] = []
    /// Executions with an invocation in `queue`, so none is queued twice.
    var queuedExecutions: Set<String> = []
    /// Invocation services waiting for work.
    var workWaiters: [Int: CheckedContinuation<EngineWorkItem?, Never>] = [:]
    /// Queued plus running work items.
    var busy = 0
    /// `waitUntilIdle` callers.
    var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// `waitForCompletion` callers by execution ARN.
    var completionWaiters: [String: [Int: OneShot<ExecutionDescription>]] = [:]
    /// Bumped whenever timers may have changed, to wake the timer service.
    var timerGeneration = 0
    var timerWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    var nextWaiterId = 0

    mutating func makeWaiterId() -> Int {
        nextWaiterId += 1
        return nextWaiterId
    }
}
