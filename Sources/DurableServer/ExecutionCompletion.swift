import DurableModel
import Foundation

/// How an execution (or a chained target) ended.
public enum ExecutionCompletion: Codable, Sendable, Hashable {
    /// Succeeded with a result.
    case succeeded(String?)
    /// Failed with an error.
    case failed(ErrorObject?)
}
