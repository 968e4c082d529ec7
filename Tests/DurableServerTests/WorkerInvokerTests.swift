import DurableModel
@testable import DurableServer
import Foundation
import Testing

/// A checkpoint client the worker invoker never calls: the worker checkpoints over HTTP itself.
private struct UnusedCheckpointClient: CheckpointClient {
    func checkpoint(executionArn: String, token: String, updates: [OperationUpdate], clientToken: String?) async throws -> CheckpointResponse {
        throw FunctionInvokerError("unused")
    }

    func executionState(executionArn: String, token: String, marker: String, maxItems: Int) async throws -> ExecutionStatePage {
        throw FunctionInvokerError("unused")
    }
}

@Suite("WorkerInvoker: the Runtime API queue")
struct WorkerInvokerTests {
    static func invocation(_ requestId: String, function: String = "f", timeout: TimeInterval = 30) -> HandlerInvocation {
        HandlerInvocation(
            functionName: function, version: "$LATEST", requestId: requestId, deadline: Date().addingTimeInterval(timeout),
            input: InvocationInput(durableExecutionArn: "arn", checkpointToken: "token",
                                   initialExecutionState: ExecutionStatePage(operations: [])))
    }

    static func invoke(_ invoker: WorkerInvoker, _ invocation: HandlerInvocation) -> Task<InvocationOutput, any Error> {
        Task { try await invoker.invoke(invocation, checkpointClient: UnusedCheckpointClient()) }
    }

    /// Waits until `condition` holds; the queue is driven by other tasks.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition())
    }

    @Test func aQueuedJobGoesToTheNextWorkerAndItsResponseIsTheOutput() async throws {
        let invoker = WorkerInvoker()
        let call = Self.invoke(invoker, Self.invocation("r1"))
        let job = try await invoker.next(functionName: "f")
        #expect(job.requestId == "r1")
        let event = try JSONSerialization.jsonObject(with: Data(job.payload.utf8)) as? [String: Any]
        #expect(event?["DurableExecutionArn"] as? String == "arn")
        #expect(event?["CheckpointToken"] as? String == "token")
        #expect(invoker.respond(requestId: "r1", body: #"{"Status":"SUCCEEDED","Result":"42"}"#) == .accepted)
        #expect(try await call.value == InvocationOutput(status: .succeeded, result: "42"))
    }

    @Test func aWaitingWorkerTakesTheJobAtOnce() async throws {
        let invoker = WorkerInvoker()
        let worker = Task { try await invoker.next(functionName: "f") }
        try await Self.eventually { invoker.waitingWorkers(functionName: "f") == 1 }
        let call = Self.invoke(invoker, Self.invocation("r1"))
        #expect(try await worker.value.requestId == "r1")
        invoker.respond(requestId: "r1", body: #"{"Status":"PENDING"}"#)
        #expect(try await call.value == .pending)
    }

    @Test func workersOfOneFunctionShareItsQueueAndOtherFunctionsAreApart() async throws {
        let invoker = WorkerInvoker()
        let other = Task { try await invoker.next(functionName: "g") }
        let calls = [Self.invoke(invoker, Self.invocation("r1")), Self.invoke(invoker, Self.invocation("r2"))]
        let first = try await invoker.next(functionName: "f")
        let second = try await invoker.next(functionName: "f")
        #expect(Set([first.requestId, second.requestId]) == ["r1", "r2"])
        #expect(invoker.waitingWorkers(functionName: "g") == 1)
        for id in ["r1", "r2"] { invoker.respond(requestId: id, body: #"{"Status":"PENDING"}"#) }
        for call in calls { _ = try await call.value }
        other.cancel()
        await #expect(throws: CancellationError.self) { try await other.value }
    }

    @Test func aWorkerErrorIsThrownByTheInvocation() async throws {
        let invoker = WorkerInvoker()
        let call = Self.invoke(invoker, Self.invocation("r1"))
        _ = try await invoker.next(functionName: "f")
        let error = ErrorObject(errorType: "Runtime.ImportModuleError", errorMessage: "no module")
        #expect(invoker.fail(requestId: "r1", error: error) == .accepted)
        await #expect(throws: error) { try await call.value }
    }

    @Test func anAnswerThatIsNotAnInvocationOutputFailsTheInvocation() async throws {
        let invoker = WorkerInvoker()
        let call = Self.invoke(invoker, Self.invocation("r1"))
        _ = try await invoker.next(functionName: "f")
        invoker.respond(requestId: "r1", body: "null")
        let error = await #expect(throws: ErrorObject.self) { try await call.value }
        #expect(error?.errorType == "Runtime.InvalidResponse")
    }

    @Test func theDeadlineTimesTheInvocationOutAndALateAnswerIsDropped() async throws {
        let invoker = WorkerInvoker()
        let call = Self.invoke(invoker, Self.invocation("r1", timeout: 0.2))
        _ = try await invoker.next(functionName: "f")
        let error = await #expect(throws: ErrorObject.self) { try await call.value }
        #expect(error?.errorType == "Sandbox.Timedout")
        #expect(invoker.respond(requestId: "r1", body: #"{"Status":"PENDING"}"#) == .late)
        #expect(invoker.respond(requestId: "never-issued", body: "{}") == .unknown)
    }

    @Test func aJobNoWorkerTookIsWithdrawnAtItsDeadline() async throws {
        let invoker = WorkerInvoker()
        let call = Self.invoke(invoker, Self.invocation("r1", timeout: 0.1))
        let error = await #expect(throws: ErrorObject.self) { try await call.value }
        #expect(error?.errorType == "Sandbox.Timedout")
        // The next worker gets the next job, not the withdrawn one.
        let later = Self.invoke(invoker, Self.invocation("r2"))
        #expect(try await invoker.next(functionName: "f").requestId == "r2")
        invoker.respond(requestId: "r2", body: #"{"Status":"PENDING"}"#)
        _ = try await later.value
    }

    @Test func aCancelledWorkerLeavesTheLine() async throws {
        let invoker = WorkerInvoker()
        let gone = Task { try await invoker.next(functionName: "f") }
        try await Self.eventually { invoker.waitingWorkers(functionName: "f") == 1 }
        gone.cancel()
        await #expect(throws: CancellationError.self) { try await gone.value }
        #expect(invoker.waitingWorkers(functionName: "f") == 0)
        let call = Self.invoke(invoker, Self.invocation("r1"))
        #expect(try await invoker.next(functionName: "f").requestId == "r1")
        invoker.respond(requestId: "r1", body: #"{"Status":"PENDING"}"#)
        _ = try await call.value
    }

    @Test func plainInvocationsReturnTheBodyAsIs() async throws {
        let invoker = WorkerInvoker()
        let call = Task { try await invoker.invokePlain(functionName: "p", payload: #"{"x":1}"#) }
        let job = try await invoker.next(functionName: "p")
        #expect(job.payload == #"{"x":1}"#)
        invoker.respond(requestId: job.requestId, body: #"{"y":2}"#)
        #expect(try await call.value == #"{"y":2}"#)
    }

    @Test func theRoutingInvokerPrefersCompiledInHandlers() async throws {
        let inProcess = InProcessInvoker()
        inProcess.register("local") { _, _ in InvocationOutput(status: .succeeded, result: "\"local\"") }
        inProcess.registerPlain("plain-local") { _ in "local" }
        let workers = WorkerInvoker()
        let router = RoutingInvoker(inProcess: inProcess, fallback: workers)
        let local = try await router.invoke(Self.invocation("r0", function: "local"), checkpointClient: UnusedCheckpointClient())
        #expect(local.result == "\"local\"")
        #expect(try await router.invokePlain(functionName: "plain-local", payload: "{}") == "local")

        let remote = Task { try await router.invoke(Self.invocation("r1", function: "remote"), checkpointClient: UnusedCheckpointClient()) }
        #expect(try await workers.next(functionName: "remote").requestId == "r1")
        workers.respond(requestId: "r1", body: #"{"Status":"SUCCEEDED","Result":"\"remote\""}"#)
        #expect(try await remote.value.result == "\"remote\"")
    }
}
