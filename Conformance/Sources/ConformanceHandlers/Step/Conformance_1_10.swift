import Durable
import DurableModel

/// 1-10: a permanently failed step re-throws its checkpointed error on replay.
public struct Conformance_1_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Catches the step's error, waits 1 second and returns the caught message.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        var caught = "no error"
        do {
            _ = try await context.step(configuration: StepConfiguration<String>(retryStrategy: .none)) { step in
                step.logger.info("step executed")
                throw ErrorObject(errorType: "Error", errorMessage: "step failed permanently")
            }
        } catch let error as DurableError {
            caught = error.message ?? "step failed"
        }
        try await context.wait(for: .seconds(1))
        return caught
    }
}
