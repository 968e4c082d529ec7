/// A callback created with `createCallback`: hand `id` to the external system, then await `result()`.
public struct DurableCallback<T: Sendable>: Sendable {
    /// The id external systems complete the callback with.
    public let id: String
    private let resolve: @Sendable () async throws -> T

    init(id: String, resolve: @escaping @Sendable () async throws -> T) {
        self.id = id
        self.resolve = resolve
    }

    /// Suspends until the callback completes; throws `.callbackFailed` or `.callbackTimedOut`.
    public func result() async throws -> T {
        try await resolve()
    }
}
