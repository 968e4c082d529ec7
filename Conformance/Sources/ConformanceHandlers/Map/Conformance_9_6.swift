import Durable

/// 9-6: fail-fast stops after item 0 fails; the handler rethrows the batch failure.
public struct Conformance_9_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the first item's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 0))
        let result = try await context.map("throwing", ["i0", "i1"], configuration: configuration) { _, value, index in
            if index == 0 { throw BranchFailure.error("item \(index)") }
            return value
        }
        try result.throwIfError()
        return result.successfulValues
    }
}
