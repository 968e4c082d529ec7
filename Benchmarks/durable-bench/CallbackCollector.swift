import Synchronization

/// Collects the callback ids the W6 functions hand out, so the driver can complete them.
final class CallbackCollector: Sendable {
    private let ids = Mutex<[String: String]>([:])

    /// Records the callback id of the execution named by `key`.
    func add(key: String, id: String) {
        ids.withLock { $0[key] = id }
    }

    /// How many ids were collected.
    var count: Int { ids.withLock { $0.count } }

    /// The id recorded for `key`.
    func id(for key: String) -> String? { ids.withLock { $0[key] } }

    /// Every collected id, and forgets them.
    func takeAll() -> [String] {
        ids.withLock { ids in
            defer { ids.removeAll() }
            return Array(ids.values)
        }
    }
}
