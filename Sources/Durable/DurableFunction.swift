import DurableModel

/// A durable workflow: typed input, typed output and a body that runs against a `DurableContext`.
public protocol DurableFunction: Sendable {
    /// The decoded execution input.
    associatedtype Input: Codable & Sendable
    /// The encoded execution result.
    associatedtype Output: Codable & Sendable
    /// The name the function is registered under; defaults to the type name.
    static var name: String { get }
    /// The name this instance registers under; defaults to `Self.name` (closure functions carry their own).
    var functionName: String { get }
    /// Runs (or replays) the workflow for `input`.
    func run(_ input: Input, context: DurableContext) async throws -> Output
}

extension DurableFunction {
    /// The type name.
    public static var name: String { String(describing: Self.self) }

    /// `Self.name`.
    public var functionName: String { Self.name }
}
