import Durable

/// 3-12: the runtime crashes inside a child context's step; the next invocation reruns the step.
public struct Conformance_3_12: DurableFunction {
    /// The crash simulator the catalog wires to this handler's host.
    let crashSwitch: CrashSwitch
    /// Inputs whose first attempt already crashed (the process-wide "has crashed" marker).
    let crashed: CrashLedger

    /// Creates the handler crashing through `crashSwitch` once per input.
    public init(crashSwitch: CrashSwitch, crashed: CrashLedger = CrashLedger()) {
        self.crashSwitch = crashSwitch
        self.crashed = crashed
    }

    /// Returns the input from the re-executed step.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let crashSwitch = self.crashSwitch
        let crashed = self.crashed
        return try await context.runInChildContext("crashing-child") { child in
            try await child.step("crashing-step") { _ in
                if crashed.markFirst(input) {
                    // Let the START checkpoint (sent without waiting) reach the service first.
                    try await Task.sleep(for: .seconds(1))
                    await crashSwitch.crash()
                }
                return input
            }
        }
    }
}
