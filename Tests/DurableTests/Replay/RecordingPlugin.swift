import Durable
import DurableModel
import Synchronization

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
