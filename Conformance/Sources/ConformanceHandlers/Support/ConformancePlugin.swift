import Durable
import DurableModel
import Foundation
import Logging
import Synchronization

/// The instrumentation plugin of the plugin suite: logs one JSON record per hook through the invocation's
/// logger, so the records land in the execution's log.
///
/// Every record carries `plugin`, `hook` and the `durableExecutionArn` captured by the latest
/// invocation-start hook. Operation and attempt hooks are filtered to STEP operations. A faulty
/// plugin throws from every hook after logging (10-4).
public final class ConformancePlugin: DurablePlugin {
    /// The `plugin` field of the records.
    let label: String
    /// Whether every hook throws after logging.
    let faulty: Bool
    /// Whether the invocation-start record carries `first`.
    let reportsFirst: Bool
    private let executionArn = Mutex<String>("")

    /// The error a faulty plugin's hooks throw.
    struct HookFailure: Error {}

    /// Creates a plugin logging as `label`.
    public init(label: String = "CONFPLUGIN", faulty: Bool = false, reportsFirst: Bool = true) {
        self.label = label
        self.faulty = faulty
        self.reportsFirst = reportsFirst
    }

    /// Logs `invocation-start` (with `first`) and remembers the execution ARN.
    public func invocationStart(_ info: InvocationStartInfo) async throws {
        executionArn.withLock { $0 = info.executionArn }
        try emit("invocation-start", reportsFirst && !faulty ? ["first": .bool(info.isFirstInvocation)] : [:], to: info.logger)
    }

    /// Logs `invocation-end` with the invocation's status.
    public func invocationEnd(_ info: InvocationEndInfo) async throws {
        try emit("invocation-end", faulty ? [:] : ["status": .string(info.status.rawValue)], to: info.logger)
    }

    /// Logs `operation-start` for steps.
    public func operationStart(_ info: OperationInfo) async throws {
        guard info.type == .step else { return }
        try emit("operation-start", faulty ? [:] : ["op": .string(info.operationId)], to: info.logger)
    }

    /// Logs `operation-end` for steps with their final status.
    public func operationEnd(_ info: OperationInfo, status: OperationStatus) async throws {
        guard info.type == .step else { return }
        try emit("operation-end", faulty ? [:] : ["op": .string(info.operationId), "status": .string(status.rawValue)],
                 to: info.logger)
    }

    /// Logs `attempt-start` with the attempt number.
    public func attemptStart(_ info: AttemptInfo) async throws {
        try emit("attempt-start", faulty ? [:] : ["n": .number(Double(info.attempt)), "op": .string(info.operationId)],
                 to: info.logger)
    }

    /// Logs `attempt-end` with the attempt number and outcome.
    public func attemptEnd(_ info: AttemptInfo, outcome: AttemptOutcome) async throws {
        try emit("attempt-end", faulty ? [:] : [
            "n": .number(Double(info.attempt)), "outcome": .string(outcome.rawValue), "op": .string(info.operationId),
        ], to: info.logger)
    }

    /// Logs the record as JSON text, then throws if the plugin is faulty.
    private func emit(_ hook: String, _ fields: [String: JSONValue], to logger: Logger) throws {
        var record = fields
        record["plugin"] = .string(label)
        record["hook"] = .string(hook)
        record["durableExecutionArn"] = .string(executionArn.withLock { $0 })
        let line = try JSONEncoderBox.make().encode(JSONValue.object(record))
        logger.info("\(String(decoding: line, as: UTF8.self))")
        if faulty { throw HookFailure() }
    }
}
