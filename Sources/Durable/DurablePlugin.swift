import DurableModel

/// Observes an invocation: its start and end, operations and step attempts.
///
/// Every hook has an empty default; a hook's thrown error is caught and ignored so a plugin can
/// never change the workflow's outcome. Attempt hooks run in the step's task around the user body.
public protocol DurablePlugin: Sendable {
    /// The invocation began (after the state was loaded).
    func invocationStart(_ info: InvocationStartInfo) async throws
    /// The invocation is about to return `status`.
    func invocationEnd(_ info: InvocationEndInfo) async throws
    /// An operation is started for the first time (not on replay).
    func operationStart(_ info: OperationInfo) async throws
    /// An operation reached a final state in this invocation (not when merely replayed).
    func operationEnd(_ info: OperationInfo, status: OperationStatus) async throws
    /// A step attempt is about to run the user body.
    func attemptStart(_ info: AttemptInfo) async throws
    /// A step attempt finished.
    func attemptEnd(_ info: AttemptInfo, outcome: AttemptOutcome) async throws
}

extension DurablePlugin {
    /// Does nothing.
    public func invocationStart(_ info: InvocationStartInfo) async throws {}
    /// Does nothing.
    public func invocationEnd(_ info: InvocationEndInfo) async throws {}
    /// Does nothing.
    public func operationStart(_ info: OperationInfo) async throws {}
    /// Does nothing.
    public func operationEnd(_ info: OperationInfo, status: OperationStatus) async throws {}
    /// Does nothing.
    public func attemptStart(_ info: AttemptInfo) async throws {}
    /// Does nothing.
    public func attemptEnd(_ info: AttemptInfo, outcome: AttemptOutcome) async throws {}
}

/// What `invocationStart` learns.
public struct InvocationStartInfo: Sendable, Hashable {
    /// The execution ARN.
    public var executionArn: String
    /// Whether no operation other than the EXECUTION one was recorded yet.
    public var isFirstInvocation: Bool
    /// The request id, when the host knows it.
    public var requestId: String?
    /// Operations the service changed since the previous invocation.
    public var updatedOperationIds: [String]
}

/// What `invocationEnd` learns.
public struct InvocationEndInfo: Sendable, Hashable {
    /// The execution ARN.
    public var executionArn: String
    /// How the invocation ends.
    public var status: InvocationStatus
}

/// Identifies an operation for plugin hooks.
public struct OperationInfo: Sendable, Hashable {
    /// The wire id.
    public var operationId: String
    /// The operation type.
    public var type: OperationType
    /// The subtype.
    public var subType: String?
    /// The user-supplied name.
    public var name: String?
}

/// Identifies a step attempt for plugin hooks.
public struct AttemptInfo: Sendable, Hashable {
    /// The step's wire id.
    public var operationId: String
    /// The step's name.
    public var name: String?
    /// The 1-based attempt number.
    public var attempt: Int
}

/// How a step attempt ended.
public enum AttemptOutcome: String, Sendable, Hashable {
    /// The body returned.
    case succeeded = "SUCCEEDED"
    /// The body threw.
    case failed = "FAILED"
}

/// Calls every plugin, swallowing their errors.
struct PluginRunner: Sendable {
    let plugins: [any DurablePlugin]

    /// Runs `hook` on every plugin.
    func callAll(_ hook: (any DurablePlugin) async throws -> Void) async {
        for plugin in plugins {
            do { try await hook(plugin) } catch {}
        }
    }

    /// Whether any plugin is installed (skips building info values otherwise).
    var isEmpty: Bool { plugins.isEmpty }
}
