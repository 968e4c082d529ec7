/// Why a worker could not start or could not use what the Runtime API handed it.
public struct DurableWorkerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// The environment or configuration names no usable Runtime API or endpoint.
        case invalidConfiguration
        /// The worker was given no function, or the Runtime API address names one it does not serve.
        case unknownFunction
        /// The Runtime API answered with a status the worker cannot use.
        case runtimeAPI
        /// An invocation arrived without the headers or body Lambda always sends.
        case malformedInvocation
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, for people.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
