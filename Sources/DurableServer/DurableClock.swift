import Foundation

/// The engine's source of time: production uses the wall clock, tests a manual clock that skips.
public protocol DurableClock: Sendable {
    /// The current instant.
    func now() -> Date
    /// Suspends until `deadline` has passed on this clock; throws `CancellationError` when cancelled.
    func sleep(until deadline: Date) async throws
}
