import DurableModel

/// An execution's operations by id, as one engine step sees and changes them: the stored operations
/// (`base`, shared with the store and never written) plus this step's changes.
///
/// Writing into a copy of the whole history would copy every operation on every checkpoint; keeping
/// the changes apart makes a checkpoint's cost independent of how long the history is.
public struct OperationMap: Sendable {
    private let base: OperationIndex
    private var changes: [String: StoredOperation] = [:]

    /// A map over `operations` keyed by id (the first of duplicate ids wins).
    public init(_ operations: [StoredOperation]) {
        base = OperationIndex(operations)
    }

    /// A map over operations already keyed by id.
    public init(byId operations: [String: StoredOperation]) {
        base = OperationIndex(operations.values)
    }

    /// A map over an index a store keeps (shared, not copied).
    public init(index: OperationIndex) {
        base = index
    }

    /// The operation with this id, changed or stored.
    public subscript(id: String) -> StoredOperation? {
        get { changes[id] ?? base[id] }
        set {
            if let newValue { changes[id] = newValue } else { changes.removeValue(forKey: id) }
        }
    }

    /// Makes room for `count` more changed operations.
    public mutating func reserveChanges(_ count: Int) {
        changes.reserveCapacity(changes.count + count)
    }

    /// Every operation once, changed ones in their changed state, in no particular order.
    public var values: [StoredOperation] {
        var all = Array(changes.values)
        all.reserveCapacity(base.count + changes.count)
        for (id, op) in base.byId where changes[id] == nil { all.append(op) }
        return all
    }

    /// Every operation once, in start order (position, then id). Only the small (position, id) keys
    /// are sorted, not the operations, which are large values.
    public var inStartOrder: [StoredOperation] {
        // Usually no change moved or added an operation: the index's order stands.
        if !changes.contains(where: { id, op in base[id]?.position != op.position }) {
            if changes.isEmpty { return base.startOrder.map { base.byId[$0.id]! } }
            return base.startOrder.map { changes[$0.id] ?? base.byId[$0.id]! }
        }
        var keys: [OperationIndex.StartKey] = []
        keys.reserveCapacity(base.count + changes.count)
        for (id, op) in changes { keys.append(.init(position: op.position, id: id)) }
        for (id, op) in base.byId where changes[id] == nil { keys.append(.init(position: op.position, id: id)) }
        keys.sort()
        return keys.map { self[$0.id]! }
    }

    /// Whether any operation satisfies `predicate`, without building `values`.
    public func contains(where predicate: (StoredOperation) throws -> Bool) rethrows -> Bool {
        for op in changes.values where try predicate(op) { return true }
        for (id, op) in base.byId where changes[id] == nil {
            if try predicate(op) { return true }
        }
        return false
    }

    /// The operations satisfying `predicate`, without building `values`.
    public func filter(_ predicate: (StoredOperation) throws -> Bool) rethrows -> [StoredOperation] {
        var found: [StoredOperation] = []
        for op in changes.values where try predicate(op) { found.append(op) }
        for (id, op) in base.byId where changes[id] == nil {
            if try predicate(op) { found.append(op) }
        }
        return found
    }

    /// The operations whose last change has a sequence above `sequence`, in no particular order;
    /// the cost follows the number of such changes, not the history's length.
    public func changed(after sequence: Int) -> [StoredOperation] {
        var found = changes.values.filter { $0.sequence > sequence }
        for op in base.changed(after: sequence) where changes[op.id] == nil { found.append(op) }
        return found
    }

    /// The wire operations whose last change has a sequence above `sequence`, in start order (what a
    /// checkpoint response carries). Positions are sorted, not the rows, which are large to move, and
    /// not at all when the changes came in start order already (new operations take the next positions).
    public func changedInStartOrder(after sequence: Int) -> [DurableModel.Operation] {
        let changed = changed(after: sequence)
        if zip(changed, changed.dropFirst()).allSatisfy({ $0.position < $1.position }) { return changed.map(\.operation) }
        return changed.indices.sorted { changed[$0].position < changed[$1].position }.map { changed[$0].operation }
    }

    /// The operations in an open state (`OperationIndex.isOpen`), in no particular order.
    public var openOperations: [StoredOperation] {
        var found = changes.values.filter(OperationIndex.isOpen)
        for op in base.openOperations where changes[op.id] == nil { found.append(op) }
        return found
    }

    /// How many operations there are.
    public var count: Int {
        base.count + changes.keys.count { base[$0] == nil }
    }
}
