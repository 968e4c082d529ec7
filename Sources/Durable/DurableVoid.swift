/// The checkpointed result of operations whose body returns nothing (`Void` is not `Codable`).
public struct DurableVoid: Codable, Sendable, Hashable {
    /// The only value.
    public init() {}
}
