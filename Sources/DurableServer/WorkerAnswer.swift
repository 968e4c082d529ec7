/// How a worker's answer for a request id was taken.
public enum WorkerAnswer: Sendable, Hashable {
    /// The invocation was waiting for it.
    case accepted
    /// The invocation had already timed out or been abandoned; the answer is dropped.
    case late
    /// No invocation with that request id was handed out.
    case unknown
}
