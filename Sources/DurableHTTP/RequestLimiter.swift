import DurableModel
import Synchronization

/// Caps the API requests handled at once; beyond the cap a request is refused at once with
/// `TooManyRequestsException` (429), which the AWS SDKs retry with back-off.
///
/// When the database slows down, requests would otherwise pile up waiting for pooled connections,
/// each holding its body and a task; the cap turns that into fast, retryable refusals.
final class RequestLimiter: Sendable {
    private let limit: Int
    private let inFlight = Mutex(0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` if a slot is free, else throws `TooManyRequestsException`.
    func admit<T>(_ body: () async throws -> T) async throws -> T {
        let admitted = inFlight.withLock { count -> Bool in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw DurableServiceError.tooManyRequests("Rate exceeded: more than \(limit) requests in flight on this node")
        }
        defer { inFlight.withLock { $0 -= 1 } }
        return try await body()
    }
}
