import Durable
import DurableModel
import DurableHosting
import DurableServer
import Foundation
import Logging

/// Runs durable functions on the real engine with an in-memory store and a manual clock.
///
/// Time only moves when the runner moves it: `TestExecution.result()` skips straight to the
/// next armed timer whenever every invocation has settled, so a seven-day wait finishes at once.
///
/// ```swift
/// try await DurableTestRunner.withRunner { runner in
///     let execution = try await runner.start(OrderWorkflow(), input: order)
///     let callbackId = try await execution.waitForCallback(named: "ShippingConfirmed")
///     try await execution.succeedCallback(callbackId, result: Shipment(trackingNumber: "1Z"))
///     let output = try await execution.result()
/// }
/// ```
public final class DurableTestRunner: Sendable {
    /// The clock the engine reads; advance it to move virtual time.
    public let clock: ManualClock
    /// The engine under test.
    public let engine: DurableEngine
    /// The store behind the engine.
    public let store: InMemoryExecutionStore
    let invoker: InProcessInvoker

    /// Creates a runner; use `withRunner` so the engine's invocation service runs while you test.
    public init(configuration: EngineConfiguration = DurableTestRunner.defaultConfiguration, logger: Logger = Logger(label: "durable.test")) {
        let clock = ManualClock()
        let store = InMemoryExecutionStore()
        let invoker = InProcessInvoker()
        self.clock = clock
        self.store = store
        self.invoker = invoker
        self.engine = DurableEngine(store: store, invoker: invoker, clock: clock, configuration: configuration, logger: logger)
    }

    /// The engine settings the runner uses by default.
    public static var defaultConfiguration: EngineConfiguration { EngineConfiguration() }

    /// Creates a runner, runs the engine's invocation service for the duration of `body`, then stops it.
    public static func withRunner<R: Sendable>(
        configuration: EngineConfiguration = DurableTestRunner.defaultConfiguration,
        _ body: @Sendable (DurableTestRunner) async throws -> R
    ) async throws -> R {
        let runner = DurableTestRunner(configuration: configuration)
        return try await runner.running(body)
    }

    /// Runs `body` while the engine's invocation service is running.
    public func running<R: Sendable>(_ body: @Sendable (DurableTestRunner) async throws -> R) async throws -> R {
        try await DurableEngine.running(engine.makeInvocationServices()) { try await body(self) }
    }

    /// Registers a durable function under `name` (its static name by default).
    public func register<F: DurableFunction>(
        _ function: F, name: String? = nil,
        executionTimeout: Duration = .seconds(86_400 * 30),
        configuration: DurableRuntimeConfiguration = .init()
    ) {
        engine.host(function, name: name, on: invoker, executionTimeout: executionTimeout, configuration: configuration)
    }

    /// Registers a raw handler, for tests that need to stand between the service and the SDK
    /// (for example to simulate a crashed invocation).
    public func registerHandler(_ name: String, executionTimeout: Duration = .seconds(86_400 * 30), handler: @escaping DurableHandler) {
        engine.register(FunctionConfiguration(name: name, isDurable: true, executionTimeoutSeconds: Int(executionTimeout.components.seconds)))
        invoker.register(name, handler: handler)
    }

    /// Starts an execution of a function registered by name, with raw JSON input.
    public func start<Output: Codable & Sendable>(functionNamed name: String, inputJSON: String, as output: Output.Type) async throws -> TestExecution<Output> {
        let started = try await engine.startExecution(StartExecutionRequest(functionName: name, inputPayload: inputJSON))
        return TestExecution(arn: started.executionArn, runner: self)
    }

    /// Registers a plain (non-durable) function that chained invokes can call.
    public func registerPlain(_ name: String, handler: @escaping @Sendable (String) async throws -> String) {
        engine.hostPlain(name, on: invoker, handler: handler)
    }

    /// Registers `function` if needed and starts an execution of it.
    public func start<F: DurableFunction>(
        _ function: F, input: F.Input, name: String? = nil, executionName: String? = nil
    ) async throws -> TestExecution<F.Output> {
        let functionName = name ?? function.functionName
        if !engine.isRegistered(functionName) { register(function, name: functionName) }
        let payload = try DurableJSON.string(input)
        let started = try await engine.startExecution(StartExecutionRequest(
            functionName: functionName, executionName: executionName, inputPayload: payload))
        return TestExecution(arn: started.executionArn, runner: self)
    }

    /// Starts an execution and runs it to its end, skipping time.
    public func run<F: DurableFunction>(_ function: F, input: F.Input) async throws -> TestExecution<F.Output> {
        let execution = try await start(function, input: input)
        _ = try await execution.settle()
        return execution
    }

    /// Drives invocations and timers until `isDone` holds or nothing more can happen without outside help.
    func drive(skipTime: Bool, until isDone: @Sendable () async throws -> Bool) async throws -> Bool {
        while true {
            await engine.waitUntilIdle()
            if try await isDone() { return true }
            guard skipTime, let next = try await engine.nextTimerDate() else { return false }
            if next > clock.now() { clock.advance(to: next) }
            _ = try await engine.fireDueTimers()
        }
    }

    /// Moves virtual time forward by `duration`, firing every timer that falls due on the way.
    public func advance(by duration: Duration) async throws {
        let target = clock.now().addingTimeInterval(duration.timeInterval)
        while true {
            await engine.waitUntilIdle()
            guard let next = try await engine.nextTimerDate(), next <= target else { break }
            if next > clock.now() { clock.advance(to: next) }
            _ = try await engine.fireDueTimers()
        }
        if target > clock.now() { clock.advance(to: target) }
        await engine.waitUntilIdle()
    }
}

extension Duration {
    /// The duration in seconds as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let c = components
        return TimeInterval(c.seconds) + TimeInterval(c.attoseconds) / 1e18
    }
}
