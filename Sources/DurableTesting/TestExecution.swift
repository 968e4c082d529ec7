import Durable
import DurableModel
import DurableServer
import Foundation

/// One execution started by a `DurableTestRunner`, with helpers to drive and inspect it.
public struct TestExecution<Output: Codable & Sendable>: Sendable {
    /// The execution's ARN.
    public let arn: String
    /// The runner that owns it.
    public let runner: DurableTestRunner

    /// Runs until the execution closes, skipping time, or until it waits on something only the test can send.
    @discardableResult
    public func settle() async throws -> ExecutionStatus {
        _ = try await runner.drive(skipTime: true) { try await describe().status.isTerminal }
        return try await describe().status
    }

    /// Runs the execution to its end and returns its output; throws `TestExecutionError` if it did not succeed.
    public func result() async throws -> Output {
        let status = try await settle()
        let description = try await describe()
        guard status == .succeeded else {
            throw TestExecutionError(status: status, error: description.error)
        }
        return try DurableJSON.decoder().decode(Output.self, from: Data((description.result ?? "null").utf8))
    }

    /// Runs the execution to its end and returns its error object; fails if it succeeded.
    public func failure() async throws -> (status: ExecutionStatus, error: ErrorObject?) {
        let status = try await settle()
        let description = try await describe()
        guard status != .succeeded else { throw TestExecutionError(status: status, error: nil) }
        return (status, description.error)
    }

    /// The execution as `GetDurableExecution` describes it.
    public func describe() async throws -> ExecutionDescription {
        try await runner.engine.describeExecution(executionArn: arn)
    }

    /// The records the execution's invocations logged (handler lines and plugin records), oldest first.
    public func logs() async throws -> [ExecutionLogRecord] {
        try await runner.store.logs(executionArn: arn, after: 0, limit: Int.max)
    }

    /// Every operation of the execution, in start order.
    public func operations() async throws -> [DurableModel.Operation] {
        try await runner.store.operations(executionArn: arn).map(\.operation)
    }

    /// The first operation with `name`, if any.
    public func operation(named name: String) async throws -> DurableModel.Operation? {
        try await operations().first { $0.name == name }
    }

    /// The whole history, oldest first.
    public func history() async throws -> [HistoryEvent] {
        var events: [HistoryEvent] = []
        var marker: String?
        repeat {
            let page = try await runner.engine.history(executionArn: arn, marker: marker, maxItems: 1000)
            events += page.events
            marker = page.nextMarker
        } while !(marker ?? "").isEmpty
        return events
    }

    /// Drives the execution (skipping time) until a callback named `name` has started, and returns its id.
    ///
    /// `name` is the callback's own name, or the name of the `waitForCallback` that owns it.
    public func waitForCallback(named name: String) async throws -> String {
        _ = try await runner.drive(skipTime: true) { try await callbackId(named: name) != nil }
        guard let id = try await callbackId(named: name) else {
            throw TestExecutionError(status: try await describe().status, error: ErrorObject(errorType: "CallbackNotFound", errorMessage: "No callback named \(name) started"))
        }
        return id
    }

    /// The id of the callback named `name` (or owned by the `waitForCallback` named `name`), once started.
    public func callbackId(named name: String) async throws -> String? {
        let operations = try await operations()
        let owners = Set(operations.filter { $0.type == .context && $0.name == name }.map(\.id))
        return operations.first { op in
            op.type == .callback && (op.name == name || owners.contains(op.parentId ?? ""))
        }?.callbackDetails?.callbackId
    }

    /// Completes a callback with `result` encoded as JSON.
    public func succeedCallback(_ callbackId: String, result: some Encodable & Sendable) async throws {
        try await runner.engine.sendCallbackSuccess(callbackId: callbackId, result: try DurableJSON.string(result))
        await runner.engine.waitUntilIdle()
    }

    /// Completes a callback with raw result text.
    public func succeedCallback(_ callbackId: String, rawResult: String?) async throws {
        try await runner.engine.sendCallbackSuccess(callbackId: callbackId, result: rawResult)
        await runner.engine.waitUntilIdle()
    }

    /// Fails a callback.
    public func failCallback(_ callbackId: String, error: ErrorObject) async throws {
        try await runner.engine.sendCallbackFailure(callbackId: callbackId, error: error)
        await runner.engine.waitUntilIdle()
    }

    /// Sends a callback heartbeat.
    public func heartbeatCallback(_ callbackId: String) async throws {
        try await runner.engine.sendCallbackHeartbeat(callbackId: callbackId)
    }

    /// Stops the execution.
    public func stop(error: ErrorObject? = nil) async throws {
        _ = try await runner.engine.stopExecution(executionArn: arn, error: error)
    }
}

/// Thrown when a test expected an execution to succeed (or fail) and it did not.
public struct TestExecutionError: Error, CustomStringConvertible {
    /// The execution's status.
    public let status: ExecutionStatus
    /// The execution's error, if any.
    public let error: ErrorObject?
    public var description: String {
        "execution ended \(status.rawValue)" + (error.map { ": \($0.errorType ?? "") \($0.errorMessage ?? "")" } ?? "")
    }
}
