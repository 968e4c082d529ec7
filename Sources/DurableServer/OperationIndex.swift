/// An execution's stored operations by id, with the two indexes a checkpoint needs so that its cost
/// does not grow with the history: which operations changed after a sequence number, and which are
/// still open (a wait, a step retry, a callback or a chained invoke the service must settle).
///
/// Stores that keep operations in memory (the in-memory store, the SQLite store's cache) hold one
/// and update it with every commit; an `OperationMap` reads it without copying.
public struct OperationIndex: Sendable {
    /// One change: the sequence number an operation took and its id. The log is in sequence order;
    /// an entry is current only while the operation still carries that sequence.
    private struct Change: Sendable {
        var sequence: Int
        var id: String
    }

    /// Where an operation stands in start order: its position, then its id.
    struct StartKey: Sendable, Comparable {
        var position: Int
        var id: String

        static func < (lhs: StartKey, rhs: StartKey) -> Bool {
            lhs.position != rhs.position ? lhs.position < rhs.position : lhs.id < rhs.id
        }
    }

    /// Every operation by id.
    public private(set) var byId: [String: StoredOperation] = [:]
    private var log: [Change] = []
    /// Set once a change was logged out of sequence order, the only way one id can get two current
    /// entries in the log; until then `changed(after:)` needs no set to list each operation once.
    private var loggedOutOfOrder = false
    /// Ids of operations in an open state (see `isOpen`).
    private(set) var openIds: Set<String> = []
    /// Every operation's key in start order. New operations take the next position, so keeping it
    /// sorted is an append; an invocation's first page then needs no sort of the whole history.
    private(set) var startOrder: [StartKey] = []

    /// An empty index.
    public init() {}

    /// An index over `operations` (the first of duplicate ids wins).
    public init(_ operations: some Sequence<StoredOperation>) {
        byId.reserveCapacity(operations.underestimatedCount)
        startOrder.reserveCapacity(operations.underestimatedCount)
        log.reserveCapacity(operations.underestimatedCount)
        for op in operations {
            // One hash per operation: a duplicate id (none comes from a store) puts the first back.
            if let first = byId.updateValue(op, forKey: op.id) {
                byId[op.id] = first
                continue
            }
            startOrder.append(StartKey(position: op.position, id: op.id))
            log.append(Change(sequence: op.sequence, id: op.id))
            if Self.isOpen(op) { openIds.insert(op.id) }
        }
        // Sorted only when they came in another order (a store may read them in key order).
        if zip(startOrder, startOrder.dropFirst()).contains(where: { $1 < $0 }) { startOrder.sort() }
        if zip(log, log.dropFirst()).contains(where: { $1.sequence < $0.sequence }) {
            log.sort { $0.sequence < $1.sequence }
            loggedOutOfOrder = true
        }
    }

    /// How many operations there are.
    public var count: Int { byId.count }

    /// The operation with this id.
    public subscript(id: String) -> StoredOperation? { byId[id] }

    /// Stores `op` (replacing the one with its id) and indexes its change.
    public mutating func upsert(_ op: StoredOperation) {
        let previous = byId.updateValue(op, forKey: op.id)
        if Self.isOpen(op) { openIds.insert(op.id) } else { openIds.remove(op.id) }
        if previous?.position != op.position {
            if let previous { startOrder.remove(at: startIndex(of: StartKey(position: previous.position, id: op.id))) }
            let key = StartKey(position: op.position, id: op.id)
            if let last = startOrder.last, key < last {
                startOrder.insert(key, at: startIndex(of: key))
            } else {
                startOrder.append(key)
            }
        }
        // Rewritten under the same sequence: its log entry still stands, and a second would list it twice.
        if previous?.sequence == op.sequence { return }
        let change = Change(sequence: op.sequence, id: op.id)
        if let last = log.last, last.sequence > op.sequence {
            // Sequences grow with every commit; only a caller writing out of order lands here.
            log.insert(change, at: firstIndex(after: op.sequence - 1))
            loggedOutOfOrder = true
        } else {
            log.append(change)
        }
        // Superseded entries are skipped on read; drop them once they outnumber the live ones.
        if log.count > 3 * byId.count + 64 {
            log.removeAll { byId[$0.id]?.sequence != $0.sequence }
        }
    }

    /// Stores every operation of `ops`, in order.
    public mutating func upsert(contentsOf ops: some Collection<StoredOperation>) {
        byId.reserveCapacity(byId.count + ops.count)
        for op in ops { upsert(op) }
    }

    /// The operations whose last change has a sequence number above `sequence`, in no particular order.
    public func changed(after sequence: Int) -> [StoredOperation] {
        var found: [StoredOperation] = []
        let first = firstIndex(after: sequence)
        found.reserveCapacity(log.count - first)
        // Out-of-order writes can leave an id two entries that both match; only then is a set needed
        // to list it once.
        var listed: Set<String>? = loggedOutOfOrder ? [] : nil
        for change in log[first...] {
            guard let op = byId[change.id], op.sequence == change.sequence else { continue }
            if listed?.insert(change.id).inserted == false { continue }
            found.append(op)
        }
        return found
    }

    /// The operations in an open state, in no particular order.
    public var openOperations: [StoredOperation] { openIds.compactMap { byId[$0] } }

    /// Whether the service may still have to change `op` on its own: a STARTED wait, callback or
    /// chained invoke, or a PENDING step (waiting out a retry delay).
    public static func isOpen(_ op: StoredOperation) -> Bool {
        switch (op.operation.type, op.operation.status) {
        case (.step, .pending), (.wait, .started), (.callback, .started), (.chainedInvoke, .started): true
        default: false
        }
    }

    /// The index in `startOrder` of the first key not below `key` (binary search).
    private func startIndex(of key: StartKey) -> Int {
        var low = 0
        var high = startOrder.count
        while low < high {
            let middle = (low + high) / 2
            if startOrder[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first log entry with a sequence above `sequence` (binary search).
    private func firstIndex(after sequence: Int) -> Int {
        var low = 0
        var high = log.count
        while low < high {
            let middle = (low + high) / 2
            if log[middle].sequence > sequence { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
