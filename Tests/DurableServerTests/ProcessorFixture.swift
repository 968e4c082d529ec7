import DurableModel
@testable import DurableServer
import Foundation
import Synchronization
import Testing

/// Builds processor inputs and runs batches for the pure `CheckpointProcessor` tests.
struct ProcessorFixture {
    static let now = ManualClock.defaultStart
    static let arn = "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/run-1/exec-1"

    var record: ExecutionRecord
    var operations: [String: StoredOperation] = [:]
    var processor: CheckpointProcessor

    init(chainedChild: Bool = false) {
        record = ExecutionRecord(arn: Self.arn, functionName: "fn", qualifier: "$LATEST", executionName: "run-1", executionId: "exec-1",
                                 functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST", executedVersion: "$LATEST",
                                 startTimestamp: Self.now, inputPayload: "{}", executionTimeoutSeconds: 3600, retentionPeriodDays: 14,
                                 parentExecutionArn: chainedChild ? "arn:aws:lambda:us-east-1:123456789012:function:p:$LATEST/durable-execution/p/p" : nil,
                                 parentOperationId: chainedChild ? "op" : nil)
        let ids = CallbackIds()
        processor = CheckpointProcessor(environment: CheckpointEnvironment(
            accountId: "123456789012", region: "us-east-1",
            resolveFunction: { name, qualifier in
                switch name {
                case "durable-fn": .durable(functionName: name, qualifier: qualifier ?? "$LATEST", executionTimeoutSeconds: 600)
                case "plain-fn": .plain(functionName: name)
                default: nil
                }
            },
            makeCallbackId: { ids.next() }))
    }

    /// Adds an existing operation.
    mutating func add(_ op: DurableModel.Operation) {
        operations[op.id] = StoredOperation(operation: op, position: operations.count + 1, sequence: operations.count + 1)
    }

    /// Adds an existing operation in `status`.
    mutating func add(_ id: String, _ type: OperationType, _ status: OperationStatus, name: String? = nil, subType: String? = nil,
                      parentId: String? = nil, stepDetails: StepDetails? = nil) {
        let defaultSubType: [OperationType: String] = [.step: "Step", .context: "RunInChildContext", .wait: "Wait", .callback: "Callback",
                                                       .chainedInvoke: "ChainedInvoke"]
        add(DurableModel.Operation(id: id, parentId: parentId, name: name, type: type, subType: subType ?? defaultSubType[type],
                                   startTimestamp: Self.now, status: status, stepDetails: stepDetails))
    }

    func run(_ updates: [OperationUpdate]) throws(DurableServiceError) -> CheckpointOutcome {
        try processor.process(execution: record, operations: operations, updates: updates, now: Self.now)
    }

    /// The rejection message of `updates`, or nil when accepted.
    func rejection(_ updates: [OperationUpdate]) -> String? {
        do {
            _ = try run(updates)
            return nil
        } catch {
            #expect(error.type == "InvalidParameterValueException")
            #expect(error.statusCode == 400)
            return error.message
        }
    }

    /// Applies an accepted batch to the fixture's operations (as the engine would commit it).
    mutating func commit(_ updates: [OperationUpdate]) throws -> CheckpointOutcome {
        let outcome = try run(updates)
        for op in outcome.operations {
            var stored = op
            stored.position = operations[op.id]?.position ?? operations.count + 1
            operations[op.id] = stored
        }
        return outcome
    }
}

/// Deterministic callback ids for tests.
final class CallbackIds: Sendable {
    private let counter = Mutex(0)
    func next() -> String {
        counter.withLock { value in
            value += 1
            return "Y2FsbGJhY2s\(value)"
        }
    }
}

/// Shorthands for updates.
enum U {
    static func step(_ id: String, _ action: OperationAction, parent: String? = nil, name: String? = nil, subType: String? = "Step",
                     payload: String? = nil, error: ErrorObject? = nil, delay: Int? = nil) -> OperationUpdate {
        OperationUpdate(id: id, parentId: parent, name: name, type: .step, subType: subType, action: action, payload: payload, error: error,
                        stepOptions: delay.map { StepOptions(nextAttemptDelaySeconds: $0) })
    }
    static func context(_ id: String, _ action: OperationAction, parent: String? = nil, payload: String? = nil, error: ErrorObject? = nil) -> OperationUpdate {
        OperationUpdate(id: id, parentId: parent, type: .context, subType: "RunInChildContext", action: action, payload: payload, error: error)
    }
    static func wait(_ id: String, _ action: OperationAction = .start, seconds: Int? = 10, parent: String? = nil) -> OperationUpdate {
        OperationUpdate(id: id, parentId: parent, type: .wait, subType: "Wait", action: action, waitOptions: seconds.map { WaitOptions(waitSeconds: $0) })
    }
    static func callback(_ id: String, _ action: OperationAction = .start, timeout: Int? = nil, heartbeat: Int? = nil) -> OperationUpdate {
        OperationUpdate(id: id, type: .callback, subType: "Callback", action: action,
                        callbackOptions: CallbackOptions(timeoutSeconds: timeout, heartbeatTimeoutSeconds: heartbeat))
    }
    static func invoke(_ id: String, _ function: String, _ action: OperationAction = .start, payload: String? = "{}", tenant: String? = nil) -> OperationUpdate {
        OperationUpdate(id: id, type: .chainedInvoke, subType: "ChainedInvoke", action: action, payload: payload,
                        chainedInvokeOptions: ChainedInvokeOptions(functionName: function, tenantId: tenant))
    }
    static func execution(_ action: OperationAction, payload: String? = nil, error: ErrorObject? = nil) -> OperationUpdate {
        OperationUpdate(id: "execution-result-1", type: .execution, action: action, payload: payload, error: error)
    }
}
