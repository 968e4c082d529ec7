import DurableModel
@testable import DurableServer
import DurableStorePostgres
import Foundation
import Synchronization
import Testing

/// Two engines (nodes) on one database: an invocation whose lease expired is taken over, and the node
/// that lost it can no longer write.
@Suite("Engines sharing a PostgreSQL database", .enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipReason))
struct SharedEngineTests {
    static func engine(_ store: PostgresExecutionStore, node: String, handler: @escaping DurableHandler) -> DurableEngine {
        let invoker = InProcessInvoker()
        invoker.register("fence", handler: handler)
        let engine = DurableEngine(store: store, invoker: invoker, configuration: EngineConfiguration(
            sharing: NodeSharing(nodeId: node, leaseDuration: .milliseconds(500), pollInterval: .milliseconds(100))))
        engine.register(FunctionConfiguration(name: "fence"))
        return engine
    }

    @Test func aNodeThatLostItsLeaseIsFencedOut() async throws {
        try await RunningStore.with { running in
            let store = running.store
            let gateA = InvocationGate(), gateB = InvocationGate()
            let nodeA = Self.engine(store, node: "a") { input, _ in
                await gateA.hold(input.checkpointToken)
                return InvocationOutput(status: .succeeded, result: "\"late answer from a\"")
            }
            let nodeB = Self.engine(store, node: "b") { input, _ in
                await gateB.hold(input.checkpointToken)
                return InvocationOutput(status: .succeeded, result: "\"from b\"")
            }
            let arn = try await nodeA.startExecution(StartExecutionRequest(functionName: "fence", inputPayload: "{}")).executionArn

            // Node a claims and starts the invocation, then stalls without renewing its lease.
            let claimsA = try await store.claimInvocations(owner: "a", limit: 10, lease: .milliseconds(500))
            #expect(claimsA == [InvocationClaim(executionArn: arn, interrupted: false)])
            let runA = Task { await nodeA.runClaimed(claimsA[0], owner: "a") }
            let tokenA = try await gateA.token()
            try await Task.sleep(for: .milliseconds(800))

            // Node b takes the expired lease over and starts a new invocation.
            let claimsB = try await store.claimInvocations(owner: "b", limit: 10, lease: .seconds(30))
            #expect(claimsB == [InvocationClaim(executionArn: arn, interrupted: true)])
            let runB = Task { await nodeB.runClaimed(claimsB[0], owner: "b") }
            let tokenB = try await gateB.token()
            #expect(tokenA != tokenB)

            // a's token is refused on either node; b's is accepted on either node.
            for node in [nodeA, nodeB] {
                await #expect(throws: DurableServiceError.self) {
                    _ = try await node.checkpoint(executionArn: arn, request: CheckpointRequest(checkpointToken: tokenA, updates: []))
                }
            }
            let next = try await nodeA.checkpoint(executionArn: arn, request: CheckpointRequest(checkpointToken: tokenB, updates: []))
            #expect(next.checkpointToken != nil)

            // a's late answer is ignored; b's closes the execution.
            gateA.release()
            await runA.value
            #expect(try await store.execution(arn: arn)?.status == .running)
            gateB.release()
            await runB.value
            let record = try #require(try await store.execution(arn: arn))
            #expect(record.status == .succeeded)
            #expect(record.result == "\"from b\"")
            let events = try await store.events(executionArn: arn, after: nil, limit: 100, reverse: false)
            let crashed = events.filter { $0.eventType == .invocationCompleted && $0.details.error?.payload?.errorType == "Runtime.ExitError" }
            #expect(crashed.count == 1)
        }
    }
}

/// Holds an invocation until the test releases it, and hands the test the invocation's token.
final class InvocationGate: Sendable {
    private struct State {
        var token: String?
        var released = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Called by the handler: records the token, then suspends until `release()`.
    func hold(_ token: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resume = state.withLock { state -> Bool in
                state.token = token
                if state.released { return true }
                state.waiter = continuation
                return false
            }
            if resume { continuation.resume() }
        }
    }

    /// Lets the held handler return.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.released = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// The held invocation's checkpoint token, once the handler started (fails after five seconds).
    func token() async throws -> String {
        for _ in 0..<500 {
            if let token = state.withLock({ $0.token }) { return token }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CancellationError()
    }
}
