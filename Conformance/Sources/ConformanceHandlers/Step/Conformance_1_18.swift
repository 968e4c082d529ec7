import Durable
import Logging

/// 1-18: an at-most-once step crashes on its first attempt and succeeds on the retry.
public struct Conformance_1_18: DurableFunction {
    /// The crash simulator the catalog wires to this handler's host.
    let crashSwitch: CrashSwitch

    /// Creates the handler crashing through `crashSwitch`.
    public init(crashSwitch: CrashSwitch) { self.crashSwitch = crashSwitch }

    /// Returns `succeeded on second attempt`.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let crashSwitch = self.crashSwitch
        let retry = RetryStrategy.exponential(maxAttempts: 3, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none)
        let configuration = StepConfiguration<String>(retryStrategy: retry, semantics: .atMostOncePerRetry)
        return try await context.step("at_most_once_step", configuration: configuration) { step in
            step.logger.info("at_most_once_step attempt \(step.attempt) for input: \(input)")
            if step.attempt == 1 { await crashSwitch.crash() }
            return "succeeded on second attempt"
        }
    }
}
