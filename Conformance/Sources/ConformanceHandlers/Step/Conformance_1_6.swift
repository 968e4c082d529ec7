import Durable

/// 1-6: a step with a custom serdes that upper-cases strings when serializing.
public struct Conformance_1_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input as the step's serdes round-trips it (upper case).
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.step(configuration: StepConfiguration(serializer: UppercaseJSONSerializer())) { _ in input }
    }
}
