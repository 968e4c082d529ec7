/// A `DurableFunction` built from a closure, handy for tests and small workflows.
public struct DurableClosureFunction<Input: Codable & Sendable, Output: Codable & Sendable>: DurableFunction {
    /// The name given at creation (a closure type has no useful type name).
    public var functionName: String
    private let body: @Sendable (Input, DurableContext) async throws -> Output

    /// Creates a function named `name` running `body`.
    public init(name: String, _ body: @escaping @Sendable (Input, DurableContext) async throws -> Output) {
        self.functionName = name
        self.body = body
    }

    /// The generic type name; use `functionName` for the registered name.
    public static var name: String { "DurableClosureFunction" }

    /// Runs the closure.
    public func run(_ input: Input, context: DurableContext) async throws -> Output {
        try await body(input, context)
    }
}
