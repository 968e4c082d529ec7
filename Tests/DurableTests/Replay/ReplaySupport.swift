@testable import Durable
import DurableModel
import Foundation
import Logging
import Synchronization

/// The wire operation (Foundation also exports an `Operation`).
typealias Operation = DurableModel.Operation

/// Counts side effects by key across invocations.
final class RunLog: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    private let peakState = Mutex<(current: Int, peak: Int)>((0, 0))

    /// Adds one to `key`.
    func record(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
    /// The count of `key`.
    subscript(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }

    /// Enters a concurrency-measured region.
    func enter() { peakState.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    /// Leaves it.
    func leave() { peakState.withLock { $0.current -= 1 } }
    /// The most tasks seen inside at once.
    var peak: Int { peakState.withLock { $0.peak } }
}

/// A test error with a fixed description.
struct ScriptedFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs one invocation of `function` against `service`.
func invokeOnce<F: DurableFunction>(
    _ function: F, _ service: ScriptedService, configuration: DurableRuntimeConfiguration = .init()
) async -> InvocationOutput {
    await DurableRuntime.handle(function, input: await service.nextInvocation(), client: service, configuration: configuration)
}

/// Decodes a JSON result.
func decodeResult<T: Decodable>(_ output: InvocationOutput, as type: T.Type = T.self) throws -> T {
    try JSONDecoder().decode(T.self, from: Data((output.result ?? "null").utf8))
}

/// Collects log messages.
final class LogCollector: Sendable {
    private let lines = Mutex<[String]>([])
    private let metadata = Mutex<[Logger.Metadata]>([])

    /// Every message logged.
    var messages: [String] { lines.withLock { $0 } }
    /// The metadata of every record.
    var allMetadata: [Logger.Metadata] { metadata.withLock { $0 } }

    /// A logger writing here.
    var logger: Logger {
        Logger(label: "test") { _ in CollectingHandler(collector: self) }
    }

    fileprivate func append(_ line: String, _ data: Logger.Metadata) {
        lines.withLock { $0.append(line) }
        metadata.withLock { $0.append(data) }
    }
}

private struct CollectingHandler: LogHandler {
    let collector: LogCollector
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    func log(event: LogEvent) {
        collector.append(event.message.description, event.metadata ?? [:])
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}

/// Records plugin hooks.
final class RecordingPlugin: DurablePlugin {
    private let events = Mutex<[String]>([])
    /// The hooks seen, in order.
    var seen: [String] { events.withLock { $0 } }

    func invocationStart(_ info: InvocationStartInfo) async throws {
        events.withLock { $0.append("invocationStart first=\(info.isFirstInvocation)") }
        throw ScriptedFailure(message: "plugins must not break anything")
    }
    func invocationEnd(_ info: InvocationEndInfo) async throws { events.withLock { $0.append("invocationEnd \(info.status.rawValue)") } }
    func operationStart(_ info: OperationInfo) async throws { events.withLock { $0.append("operationStart \(info.name ?? "-")") } }
    func operationEnd(_ info: OperationInfo, status: OperationStatus) async throws {
        events.withLock { $0.append("operationEnd \(info.name ?? "-") \(status.rawValue)") }
    }
    func attemptStart(_ info: AttemptInfo) async throws { events.withLock { $0.append("attemptStart \(info.name ?? "-") \(info.attempt)") } }
    func attemptEnd(_ info: AttemptInfo, outcome: AttemptOutcome) async throws {
        events.withLock { $0.append("attemptEnd \(info.name ?? "-") \(info.attempt) \(outcome.rawValue)") }
    }
}
