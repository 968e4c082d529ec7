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
    private let counter = Atomic(0)
    private let closed = Atomic(false)

    /// Creates a scope.
    init(logicalId: String?, operationId: String?, parent: ContextScope?) {
        self.logicalId = logicalId
        self.operationId = operationId
        self.parent = parent
    }

    /// Allocates the next position and returns its logical id.
    func nextLogicalId() -> String {
        let position = counter.add(1, ordering: .relaxed).newValue
        return OperationID.logicalId(parent: logicalId, position: position)
    }

    /// The logical id the next operation will get (without allocating it).
    func peekNextLogicalId() -> String {
        OperationID.logicalId(parent: logicalId, position: counter.load(ordering: .relaxed) + 1)
    }

    /// Marks the context closed.
    func close() {
        closed.store(true, ordering: .releasing)
    }

    /// Whether this context or an ancestor closed. Asked before every checkpoint of every operation,
    /// so it reads the flags without taking a lock.
    var isOrphaned: Bool {
        closed.load(ordering: .acquiring) || (parent?.isOrphaned ?? false)
    }
}
