import Foundation

/// The wall clock.
public struct SystemClock: DurableClock {
    /// Creates the wall clock.
    public init() {}

    /// The current wall-clock instant.
    public func now() -> Date { Date() }

    /// Sleeps on the continuous clock until `deadline`.
    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
}
