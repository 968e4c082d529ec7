import Foundation

/// One durable operation as the service records it (the AWS `Operation` shape).
///
/// The members live in one shared, copy-on-write box: operations are copied many times on every
/// checkpoint (into indexes, mutations, responses, the SDK's map), and a copy of the box is one
/// reference count instead of a ~470-byte move and a count for every string inside.
public struct Operation: Codable, Sendable, Hashable, Identifiable {
    /// The stored members, in the order the AWS shape lists them (and `Codable` writes them).
    struct Fields: Codable, Sendable, Hashable {
        /// The operation id, chosen deterministically by the SDK.
        var id: String
        /// The id of the enclosing CONTEXT operation, absent at the root.
        var parentId: String?
        /// The user-supplied name.
        var name: String?
        /// The operation's type.
        var type: OperationType
        /// The SDK-level refinement of the type, for example `Step` or `MapIteration`.
        var subType: String?
        /// When the operation started.
        var startTimestamp: Date
        /// When the operation reached a terminal status.
        var endTimestamp: Date?
        /// The operation's status.
        var status: OperationStatus
        /// Present on the EXECUTION operation.
        var executionDetails: ExecutionDetails?
        /// Present on CONTEXT operations.
        var contextDetails: ContextDetails?
        /// Present on STEP operations.
        var stepDetails: StepDetails?
        /// Present on WAIT operations.
        var waitDetails: WaitDetails?
        /// Present on CALLBACK operations.
        var callbackDetails: CallbackDetails?
        /// Present on CHAINED_INVOKE operations.
        var chainedInvokeDetails: ChainedInvokeDetails?

        init(id: String, type: OperationType, startTimestamp: Date, status: OperationStatus) {
            self.id = id
            self.type = type
            self.startTimestamp = startTimestamp
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case id = "Id", parentId = "ParentId", name = "Name", type = "Type", subType = "SubType"
            case startTimestamp = "StartTimestamp", endTimestamp = "EndTimestamp", status = "Status"
            case executionDetails = "ExecutionDetails", contextDetails = "ContextDetails", stepDetails = "StepDetails"
            case waitDetails = "WaitDetails", callbackDetails = "CallbackDetails", chainedInvokeDetails = "ChainedInvokeDetails"
        }
    }

    private var box: CopyOnWriteBox<Fields>

    /// The members for writing: the box is copied first if another `Operation` shares it.
    private var fields: Fields {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = CopyOnWriteBox(box.value) }
            yield &box.value
        }
    }

    /// The operation id, chosen deterministically by the SDK.
    public var id: String {
        get { box.value.id }
        set { fields.id = newValue }
    }

    /// The id of the enclosing CONTEXT operation, absent at the root.
    public var parentId: String? {
        get { box.value.parentId }
        set { fields.parentId = newValue }
    }

    /// The user-supplied name.
    public var name: String? {
        get { box.value.name }
        set { fields.name = newValue }
    }

    /// The operation's type.
    public var type: OperationType {
        get { box.value.type }
        set { fields.type = newValue }
    }

    /// The SDK-level refinement of the type, for example `Step` or `MapIteration`.
    public var subType: String? {
        get { box.value.subType }
        set { fields.subType = newValue }
    }

    /// When the operation started.
    public var startTimestamp: Date {
        get { box.value.startTimestamp }
        set { fields.startTimestamp = newValue }
    }

    /// When the operation reached a terminal status.
    public var endTimestamp: Date? {
        get { box.value.endTimestamp }
        set { fields.endTimestamp = newValue }
    }

    /// The operation's status.
    public var status: OperationStatus {
        get { box.value.status }
        set { fields.status = newValue }
    }

    /// Present on the EXECUTION operation.
    public var executionDetails: ExecutionDetails? {
        get { box.value.executionDetails }
        set { fields.executionDetails = newValue }
    }

    /// Present on CONTEXT operations.
    public var contextDetails: ContextDetails? {
        get { box.value.contextDetails }
        set { fields.contextDetails = newValue }
    }

    /// Present on STEP operations.
    public var stepDetails: StepDetails? {
        get { box.value.stepDetails }
        set { fields.stepDetails = newValue }
    }

    /// Present on WAIT operations.
    public var waitDetails: WaitDetails? {
        get { box.value.waitDetails }
        set { fields.waitDetails = newValue }
    }

    /// Present on CALLBACK operations.
    public var callbackDetails: CallbackDetails? {
        get { box.value.callbackDetails }
        set { fields.callbackDetails = newValue }
    }

    /// Present on CHAINED_INVOKE operations.
    public var chainedInvokeDetails: ChainedInvokeDetails? {
        get { box.value.chainedInvokeDetails }
        set { fields.chainedInvokeDetails = newValue }
    }

    /// Creates an operation.
    public init(
        id: String, parentId: String? = nil, name: String? = nil, type: OperationType, subType: String? = nil,
        startTimestamp: Date, endTimestamp: Date? = nil, status: OperationStatus,
        executionDetails: ExecutionDetails? = nil, contextDetails: ContextDetails? = nil,
        stepDetails: StepDetails? = nil, waitDetails: WaitDetails? = nil,
        callbackDetails: CallbackDetails? = nil, chainedInvokeDetails: ChainedInvokeDetails? = nil
    ) {
        var fields = Fields(id: id, type: type, startTimestamp: startTimestamp, status: status)
        fields.parentId = parentId
        fields.name = name
        fields.subType = subType
        fields.endTimestamp = endTimestamp
        fields.executionDetails = executionDetails
        fields.contextDetails = contextDetails
        fields.stepDetails = stepDetails
        fields.waitDetails = waitDetails
        fields.callbackDetails = callbackDetails
        fields.chainedInvokeDetails = chainedInvokeDetails
        box = CopyOnWriteBox(fields)
    }

    /// Reads the AWS shape.
    public init(from decoder: any Decoder) throws {
        box = CopyOnWriteBox(try Fields(from: decoder))
    }

    /// Writes the AWS shape (absent members left out).
    public func encode(to encoder: any Encoder) throws {
        try box.value.encode(to: encoder)
    }

    /// Operations are equal when their members are.
    public static func == (lhs: Operation, rhs: Operation) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    /// Hashes the members.
    public func hash(into hasher: inout Hasher) {
        box.value.hash(into: &hasher)
    }
}
