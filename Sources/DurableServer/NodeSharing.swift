/// How a node shares one database's work with other nodes: leases on invocations and timers.
///
/// Set on `EngineConfiguration.sharing` when the store is a `SharedWorkStore`; nil (the default)
/// keeps the single-process path, where the engine's in-memory queue is the only source of work.
public struct NodeSharing: Sendable, Hashable {
    /// This node's id, written into the leases it holds; unique among the nodes on one database.
    public var nodeId: String
    /// How long a claim lasts without renewal; a dead node's work is taken over after at most this.
    public var leaseDuration: Duration
    /// The longest a node sleeps without looking for work, covering lost notifications.
    public var pollInterval: Duration

    /// Creates sharing settings.
    public init(nodeId: String, leaseDuration: Duration = .seconds(15), pollInterval: Duration = .seconds(1)) {
        self.nodeId = nodeId
        self.leaseDuration = leaseDuration
        self.pollInterval = pollInterval
    }
}
