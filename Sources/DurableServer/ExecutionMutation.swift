import DurableModel

/// Everything one engine step changes for one execution, committed atomically.
///
/// `record.version` is the version the engine read; the store rejects the commit with
/// `ExecutionStoreError.versionConflict` when the stored row moved on, and bumps it otherwise.
public struct ExecutionMutation: Sendable {
    /// The new execution row, carrying the version it was read at.
    public var record: ExecutionRecord
    /// Operations to insert or replace (by id).
    public var operations: [StoredOperation]
    /// Events to append; their ids continue the execution's sequence.
    public var events: [HistoryEvent]
    /// Timers to arm (replacing any with the same key).
    public var armTimers: [DurableTimer]
    /// Timers to remove.
    public var disarmTimers: [TimerKey]
    /// Callback ids to index.
    public var callbacks: [CallbackIndexEntry]

    /// Creates a mutation.
    public init(record: ExecutionRecord, operations: [StoredOperation] = [], events: [HistoryEvent] = [],
                armTimers: [DurableTimer] = [], disarmTimers: [TimerKey] = [], callbacks: [CallbackIndexEntry] = []) {
        self.record = record
        self.operations = operations
        self.events = events
        self.armTimers = armTimers
        self.disarmTimers = disarmTimers
        self.callbacks = callbacks
    }
}
