/// Options of `DurableContext.runInChildContext`.
public struct ChildContextConfiguration<T: Codable & Sendable>: Sendable {
    /// How the context's result is checkpointed.
    public var serializer: any PayloadSerializer<T>
    /// The CONTEXT subtype (1...32 of `[A-Za-z0-9_-]`); `RunInChildContext` by default.
    public var subType: String

    /// Creates a configuration.
    public init(serializer: any PayloadSerializer<T> = JSONPayloadSerializer<T>(), subType: String = "RunInChildContext") {
        self.serializer = serializer
        self.subType = subType
    }
}
