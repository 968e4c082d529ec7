import Synchronization

/// One context's place in the operation tree: its logical and wire ids, the counter that numbers its
/// operations, and whether it closed (after which its descendants must not checkpoint).
final class ContextScope: Sendable {
    /// The logical id of the owning CONTEXT operation; nil at the root.
    let logicalId: String?
    /// The wire id of the owning CONTEXT operation; nil at the root.
    let operationId: String?
    /// The enclosing scope.
    let parent: ContextScope?
    private let counter = Mutex(0)
    private let closed = Mutex(false)

    /// Creates a scope.
    init(logicalId: String?, operationId: String?, parent: ContextScope?) {
        self.logicalId = logicalId
        self.operationId = operationId
        self.parent = parent
    }

    /// Allocates the next position and returns its logical id.
    func nextLogicalId() -> String {
        let position = counter.withLock { value -> Int in
            value += 1
            return value
        }
        return OperationID.logicalId(parent: logicalId, position: position)
    }

    /// The logical id the next operation will get (without allocating it).
    func peekNextLogicalId() -> String {
        OperationID.logicalId(parent: logicalId, position: counter.withLock { $0 } + 1)
    }

    /// Marks the context closed.
    func close() {
        closed.withLock { $0 = true }
    }

    /// Whether this context or an ancestor closed.
    var isOrphaned: Bool {
        var scope: ContextScope? = self
        while let current = scope {
            if current.closed.withLock({ $0 }) { return true }
            scope = current.parent
        }
        return false
    }
}
