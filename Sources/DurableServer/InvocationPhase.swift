import DurableModel
import Foundation

/// Where an execution stands with respect to handler invocations.
public enum InvocationPhase: String, Codable, Sendable, Hashable {
    /// Nothing queued or running.
    case idle
    /// Waiting for the invocation service.
    case queued
    /// A handler invocation is in flight.
    case running
}
