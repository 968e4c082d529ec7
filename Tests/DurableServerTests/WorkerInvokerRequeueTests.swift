import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("WorkerInvoker: jobs whose worker vanished")
struct WorkerInvokerRequeueTests {
    @Test func aRequeuedJobGoesFirstToTheNextWorker() async throws {
        let invoker = WorkerInvoker()
        let first = WorkerInvokerTests.invoke(invoker, WorkerInvokerTests.invocation("r1"))
        let second = WorkerInvokerTests.invoke(invoker, WorkerInvokerTests.invocation("r2"))
        try await WorkerInvokerTests.eventually { invoker.isAwaiting(requestId: "r1") && invoker.isAwaiting(requestId: "r2") }
        let lost = try await invoker.next(functionName: "f")
        invoker.requeue(lost)
        #expect(try await invoker.next(functionName: "f").requestId == lost.requestId)
        _ = try await invoker.next(functionName: "f")
        for id in ["r1", "r2"] { invoker.respond(requestId: id, body: #"{"Status":"PENDING"}"#) }
        _ = try await first.value
        _ = try await second.value
    }

    @Test func aJobThatIsNoLongerAwaitedIsNotRequeued() async throws {
        let invoker = WorkerInvoker()
        let call = WorkerInvokerTests.invoke(invoker, WorkerInvokerTests.invocation("r1", timeout: 0.1))
        let job = try await invoker.next(functionName: "f")
        _ = await #expect(throws: ErrorObject.self) { try await call.value }
        invoker.requeue(job)
        let waiting = Task { try await invoker.next(functionName: "f") }
        try await WorkerInvokerTests.eventually { invoker.waitingWorkers(functionName: "f") == 1 }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }
}
