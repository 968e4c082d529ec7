import DurableModel
@testable import DurableServer
import Foundation
import Synchronization
import Testing

/// The real engine on an in-memory store with a manual clock, driven by scripted handlers that
/// speak the raw protocol (they receive the `InvocationInput` and send `OperationUpdate`s by hand).
final class EngineHarness: Sendable {
    let clock = ManualClock()
    let store = InMemoryExecutionStore()
    let invoker = InProcessInvoker()
    let engine: DurableEngine
    private let calls = Mutex<[String: [InvocationInput]]>([:])

    init(configuration: EngineConfiguration = EngineConfiguration()) {
        engine = DurableEngine(store: store, invoker: invoker, clock: clock, configuration: configuration)
    }

    /// Runs `body` while the engine's invocation service runs.
    static func run<R: Sendable>(configuration: EngineConfiguration = EngineConfiguration(),
                                 _ body: @Sendable (EngineHarness) async throws -> R) async throws -> R {
        let harness = EngineHarness(configuration: configuration)
        return try await DurableEngine.running(harness.engine.makeInvocationServices()) { try await body(harness) }
    }

    /// Registers a durable function whose invocations are recorded.
    func register(_ name: String = "fn", timeout: Int = 86_400, handler: @escaping DurableHandler) {
        engine.register(FunctionConfiguration(name: name, executionTimeoutSeconds: timeout))
        invoker.register(name) { [self] input, client in
            calls.withLock { $0[name, default: []].append(input) }
            return try await handler(input, client)
        }
    }

    /// The invocation events `name` received.
    func invocations(_ name: String = "fn") -> [InvocationInput] { calls.withLock { $0[name] ?? [] } }

    /// Starts an execution and lets it settle.
    func start(_ name: String = "fn", input: String? = "{}", executionName: String? = nil) async throws -> String {
        let started = try await engine.startExecution(StartExecutionRequest(functionName: name, executionName: executionName, inputPayload: input))
        await engine.waitUntilIdle()
        return started.executionArn
    }

    /// Moves the clock, fires due timers and lets invocations settle.
    func advance(seconds: Double) async throws {
        clock.advance(by: .milliseconds(Int64(seconds * 1000)))
        _ = try await engine.fireDueTimers()
        await engine.waitUntilIdle()
    }

    func describe(_ arn: String) async throws -> ExecutionDescription { try await engine.describeExecution(executionArn: arn) }

    func events(_ arn: String) async throws -> [HistoryEvent] {
        try await engine.history(executionArn: arn, maxItems: 1000).events
    }

    func eventTypes(_ arn: String) async throws -> [EventType] { try await events(arn).map(\.eventType) }

    func operation(_ arn: String, _ id: String) async throws -> DurableModel.Operation? {
        try await store.operations(executionArn: arn).first { $0.id == id }?.operation
    }
}

extension InvocationInput {
    /// The operation with `id` in the first page.
    func op(_ id: String) -> DurableModel.Operation? { initialExecutionState.operations.first { $0.id == id } }
}

/// Records values from handlers.
final class Box<T: Sendable>: Sendable {
    private let value: Mutex<T>
    init(_ initial: T) { value = Mutex(initial) }
    var get: T { value.withLock { $0 } }
    func set(_ new: T) { value.withLock { $0 = new } }
    func update(_ change: (inout T) -> Void) { value.withLock { change(&$0) } }
}

/// The error a test expects, as a value.
func serviceError(_ body: () async throws -> Void) async -> DurableServiceError? {
    do {
        try await body()
        return nil
    } catch let error as DurableServiceError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
