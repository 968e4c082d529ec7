import Durable

/// 4-18: create callbacks A and B, then await A, then B.
public struct Conformance_4_18: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns both payloads, A then B.
    public func run(_ input: [String], context: DurableContext) async throws -> [String] {
        let first = try await context.createCallback(input[0], as: String.self)
        let second = try await context.createCallback(input[1], as: String.self)
        let a = try await first.result()
        let b = try await second.result()
        return [a, b]
    }
}
