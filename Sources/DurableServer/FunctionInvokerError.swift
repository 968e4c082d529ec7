import DurableModel
import Foundation

/// Why an invoker could not run a function.
public struct FunctionInvokerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
