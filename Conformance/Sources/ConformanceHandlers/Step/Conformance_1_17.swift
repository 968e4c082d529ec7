import Durable
import Logging

/// 1-17: an at-most-once step crashes the runtime; with no retry the interrupted step fails.
public struct Conformance_1_17: DurableFunction {
    /// The crash simulator the catalog wires to this handler's host.
    let crashSwitch: CrashSwitch

    /// Creates the handler crashing through `crashSwitch`.
    public init(crashSwitch: CrashSwitch) { self.crashSwitch = crashSwitch }

    /// Logs the input, then crashes inside the step; the replay fails with StepInterruptedError.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let crashSwitch = self.crashSwitch
        let configuration = StepConfiguration<String>(retryStrategy: .none, semantics: .atMostOncePerRetry)
        return try await context.step("at_most_once_flaky_step", configuration: configuration) { step in
            step.logger.info("at_most_once_flaky_step running for input: \(input)")
            await crashSwitch.crash()
        }
    }
}
