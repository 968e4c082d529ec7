/// How a backoff delay is randomized so retries of many executions do not align.
public enum Jitter: Sendable, Hashable {
    /// The computed delay as is.
    case none
    /// A uniformly random delay in `0..<delay`.
    case full
    /// `delay/2` plus a uniformly random part of `delay/2`.
    case half

    /// Applies the jitter to `delay` seconds with `random` in `0..<1`.
    func apply(to delay: Double, random: Double) -> Double {
        switch self {
        case .none: delay
        case .full: delay * random
        case .half: delay / 2 + delay / 2 * random
        }
    }
}
