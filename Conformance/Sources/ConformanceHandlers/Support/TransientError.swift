/// A retryable error the retry-filter requirements (1-15, 1-16) throw and match by type.
public struct TransientError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
