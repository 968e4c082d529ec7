import Durable
import DurableClient
import DurableModel
import DurableServer
@testable import DurableWorker
import Foundation
import Synchronization
import Testing

@Suite("DurableWorker against a real service over HTTP", .timeLimit(.minutes(2)))
struct DurableWorkerTests {
    /// A step that logs, a real one-second wait (so two invocations), then the greeting.
    static let greeter = DurableClosureFunction<String, String>(name: "greeter") { name, context in
        let greeting = try await context.step("greet") { step in
            step.logger.info("greeting \(name)")
            return "Hello, \(name)!"
        }
        try await context.wait("pause", for: .seconds(1))
        context.logger.info("done waiting")
        return greeting
    }

    /// Handlers log into the execution's log only, not the test output.
    static let quiet = DurableRuntimeConfiguration(logger: WorkerTestService.quietLogger)

    @Test func aWorkerRunsAnExecutionCheckpointingAndLoggingOverHTTP() async throws {
        try await WorkerTestService.with(functions: ["greeter"]) { service in
            let worker = try DurableWorker(functions: [WorkerFunction(Self.greeter, configuration: Self.quiet)], configuration: service.workerConfiguration())
            try await withWorker(worker) { _ in
                let client = DurableHTTPClient(endpoint: service.endpoint)
                let result = try await client.invoke(function: "greeter", payload: #""Ada""#)
                #expect(result.functionError == nil)
                #expect(result.payload == #""Hello, Ada!""#)
                let arn = try #require(result.executionArn)
                let events = try await client.fullHistory(arn: arn)
                #expect(events.filter { $0.eventType == .invocationCompleted }.count == 2)
                #expect(events.contains { $0.eventType == .stepSucceeded })
                #expect(events.contains { $0.eventType == .waitSucceeded })
                // The worker sent each invocation's records before answering, once each despite the replay.
                let logs = try await client.allLogs(arn: arn)
                #expect(logs.map(\.message) == ["greeting Ada", "done waiting"])
                #expect(logs.allSatisfy { $0.level == "INFO" && $0.executionArn == arn })
                #expect(Set(logs.map(\.requestId)).count == 2)
            }
        }
    }

    @Test func workersShareAFunctionsInvocations() async throws {
        // Each invocation blocks until two run at once, which only two worker processes of concurrency 1 allow.
        let running = Mutex(0)
        let barrier = DurableClosureFunction<Int, Int>(name: "barrier") { value, _ in
            running.withLock { $0 += 1 }
            while running.withLock({ $0 }) < 2 { try await Task.sleep(for: .milliseconds(10)) }
            return value * 2
        }
        try await WorkerTestService.with(functions: ["barrier"]) { service in
            let first = try DurableWorker(functions: [WorkerFunction(barrier)], configuration: service.workerConfiguration())
            let second = try DurableWorker(functions: [WorkerFunction(barrier)], configuration: service.workerConfiguration(prefix: "/functions/barrier"))
            try await withWorker(first) { _ in
                try await withWorker(second) { _ in
                    let client = DurableHTTPClient(endpoint: service.endpoint)
                    async let a = client.invoke(function: "barrier", payload: "1")
                    async let b = client.invoke(function: "barrier", payload: "2")
                    let results = try await [a.payload, b.payload]
                    #expect(results.sorted() == ["2", "4"])
                }
            }
        }
    }

    @Test func aHandlerErrorIsPostedWithLambdasErrorShapeAndRecorded() async throws {
        let attempts = Mutex(0)
        let flaky = DurableClosureFunction<String, String>(name: "flaky") { input, _ in input }
        try await WorkerTestService.with(functions: ["flaky"]) { service in
            let worker = try DurableWorker(functions: [
                WorkerFunction(name: "flaky") { input, client, configuration in
                    // The first invocation dies the way a crashing runtime is reported; the retry runs the function.
                    if attempts.withLock({ $0 += 1; return $0 }) == 1 {
                        throw ErrorObject(errorType: "Runtime.ExitError", errorMessage: "Runtime exited with error: exit status 1")
                    }
                    return try await DurableRuntime.invoke(flaky, input: input, client: client, configuration: configuration)
                },
            ], configuration: service.workerConfiguration())
            try await withWorker(worker) { _ in
                let client = DurableHTTPClient(endpoint: service.endpoint)
                let result = try await client.invoke(function: "flaky", payload: #""ok""#)
                #expect(result.payload == #""ok""#)
                let events = try await client.fullHistory(arn: try #require(result.executionArn))
                let completed = events.filter { $0.eventType == .invocationCompleted }
                #expect(completed.count == 2)
                let text = try DurableJSON.string(completed[0])
                #expect(text.contains("Runtime.ExitError"))
            }
        }
    }

    @Test func anEventThatIsNotADurableInvocationIsAnsweredWithAnErrorAndTheWorkerCarriesOn() async throws {
        try await WorkerTestService.with(functions: ["greeter"]) { service in
            let worker = try DurableWorker(functions: [WorkerFunction(Self.greeter, configuration: Self.quiet)], configuration: service.workerConfiguration())
            try await withWorker(worker) { _ in
                do {
                    _ = try await service.workers.invokePlain(functionName: "greeter", payload: "not json at all")
                    Issue.record("an event that is not a durable invocation must fail")
                } catch let error as ErrorObject {
                    #expect(error.errorType == "Runtime.InvalidEvent")
                }
                let result = try await DurableHTTPClient(endpoint: service.endpoint).invoke(function: "greeter", payload: #""Bo""#)
                #expect(result.payload == #""Hello, Bo!""#)
            }
        }
    }

    @Test func aWorkerOutlivesAServiceRestartAndServesTheRestartedService() async throws {
        let store = InMemoryExecutionStore()
        let port = try await WorkerTestService.with(store: store, functions: ["greeter"]) { $0.port }
        // The worker starts while nothing listens on the port, so it is backing off when the service comes back.
        let configuration = DurableWorkerConfiguration(runtimeAPI: "127.0.0.1:\(port)", endpoint: "http://127.0.0.1:\(port)",
                                                       initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(200),
                                                       logger: WorkerTestService.quietLogger)
        let worker = try DurableWorker(functions: [WorkerFunction(Self.greeter, configuration: Self.quiet)], configuration: configuration)
        try await withWorker(worker) { _ in
            try await Task.sleep(for: .milliseconds(300))
            let arn = try await WorkerTestService.with(store: store, port: port, functions: ["greeter"]) { service in
                let result = try await DurableHTTPClient(endpoint: service.endpoint).invoke(function: "greeter", payload: #""Cy""#, asynchronous: true)
                let arn = try #require(result.executionArn)
                // Stop the service mid-execution (during the wait), then bring it back on the same port and store.
                #expect(try await eventually { try await service.engine.history(executionArn: arn).events.contains { $0.eventType == .waitStarted } })
                return arn
            }
            try await WorkerTestService.with(store: store, port: port, functions: ["greeter"]) { service in
                let done = try await eventually(seconds: 20) {
                    try await service.engine.describeExecution(executionArn: arn).status == .succeeded
                }
                #expect(done)
            }
        }
    }

    @Test func anInvocationWhoseWorkerVanishedIsRetriedOnAnotherWorker() async throws {
        let hang = Mutex(true)
        let stuck = DurableClosureFunction<String, String>(name: "stuck") { input, _ in
            // The first invocation never ends on its own: its worker is taken away instead.
            if hang.withLock({ let first = $0; $0 = false; return first }) {
                try await Task.sleep(for: .seconds(3600))
            }
            return input
        }
        try await WorkerTestService.with(functions: ["stuck"]) { service in
            let client = DurableHTTPClient(endpoint: service.endpoint)
            let doomed = try DurableWorker(functions: [WorkerFunction(stuck)], configuration: service.workerConfiguration())
            let doomedTask = Task { try await doomed.run() }
            let arn = try #require(try await client.invoke(function: "stuck", payload: #""Di""#, asynchronous: true).executionArn)
            #expect(try await eventually { !hang.withLock { $0 } })
            doomedTask.cancel()
            _ = try? await doomedTask.value
            let healthy = try DurableWorker(functions: [WorkerFunction(stuck)], configuration: service.workerConfiguration())
            try await withWorker(healthy) { _ in
                #expect(try await eventually(seconds: 30) {
                    try await service.engine.describeExecution(executionArn: arn).status == .succeeded
                })
                let events = try await client.fullHistory(arn: arn)
                let completed = events.filter { $0.eventType == .invocationCompleted }
                #expect(completed.count == 2)
                #expect(try DurableJSON.string(completed[0]).contains("Sandbox.Timedout"))
            }
        }
    }

    @Test func gracefulShutdownFinishesAndAnswersTheInvocationInHand() async throws {
        let started = Mutex(false)
        let release = Mutex(false)
        let slow = DurableClosureFunction<String, String>(name: "slow") { input, _ in
            started.withLock { $0 = true }
            while !release.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            return input
        }
        try await WorkerTestService.with(functions: ["slow"]) { service in
            let client = DurableHTTPClient(endpoint: service.endpoint)
            let worker = try DurableWorker(functions: [WorkerFunction(slow)], configuration: service.workerConfiguration())
            let arn = try await withWorker(worker) { group in
                let arn = try #require(try await client.invoke(function: "slow", payload: #""Ed""#, asynchronous: true).executionArn)
                #expect(try await eventually { started.withLock { $0 } })
                await group.triggerGracefulShutdown()
                try await Task.sleep(for: .milliseconds(200))
                release.withLock { $0 = true }
                return arn
            }
            // The worker has returned: it answered before it did, so the execution is done with one invocation.
            #expect(try await eventually { try await service.engine.describeExecution(executionArn: arn).status == .succeeded })
            #expect(try await client.fullHistory(arn: arn).filter { $0.eventType == .invocationCompleted }.count == 1)
        }
    }
}
