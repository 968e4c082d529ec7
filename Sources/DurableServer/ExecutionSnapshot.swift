/// One execution's record and operations, as one engine step reads them before changing them.
public struct ExecutionSnapshot: Sendable {
    /// The execution row.
    public var record: ExecutionRecord
    /// The operations by id.
    public var operations: OperationMap
    /// False when a store answered from its cache without checking the stored version. A commit's
    /// version check still guards every write; only a step that would give up without writing (a
    /// stale token, say) must look again at a verified snapshot first.
    public var verified: Bool
    /// The engine's staged begin of this execution, whose uncommitted changes the next commit carries.
    var staged: MutationBuilder?

    /// Creates a snapshot.
    public init(record: ExecutionRecord, operations: OperationMap, verified: Bool) {
        self.record = record
        self.operations = operations
        self.verified = verified
    }

    /// The snapshot of a staged begin: its record and operations as the invocation sees them.
    init(staged: MutationBuilder) {
        self.init(record: staged.record, operations: staged.operations, verified: true)
        self.staged = staged
    }

    /// A builder of this state: the staged begin's, so its changes are committed with the step's.
    func builder() -> MutationBuilder {
        staged ?? MutationBuilder(record: record, operations: operations)
    }
}
