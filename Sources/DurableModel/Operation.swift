import Foundation

/// One durable operation as the service records it (the AWS `Operation` shape).
///
/// The members live behind `CopyOnWrite`: operations are copied many times on every checkpoint (into
/// indexes, mutations, responses, the SDK's map), and a copy is then one reference count instead of a
/// ~470-byte move and a count for every string inside.
public struct Operation: Codable, Sendable, Hashable, Identifiable {
    /// The stored members, in the order the AWS shape lists them (and `Codable` writes them); each is
    /// documented on its public property below.
    struct Fields: Codable, Sendable, Hashable {
        var id: String
        var parentId: String?
        var name: String?
        var type: OperationType
        var subType: String?
        var startTimestamp: Date
        var endTimestamp: Date?
        var status: OperationStatus
        var executionDetails: ExecutionDetails?
        var contextDetails: ContextDetails?
        var stepDetails: StepDetails?
        var waitDetails: WaitDetails?
        var callbackDetails: CallbackDetails?
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

    /// The members, shared copy-on-write.
    @CopyOnWrite private var fields: Fields

    /// The operation id, chosen deterministically by the SDK.
    public var id: String {
        get { fields.id }
        set { fields.id = newValue }
    }

    /// The id of the enclosing CONTEXT operation, absent at the root.
    public var parentId: String? {
        get { fields.parentId }
        set { fields.parentId = newValue }
    }

    /// The user-supplied name.
    public var name: String? {
        get { fields.name }
        set { fields.name = newValue }
    }

    /// The operation's type.
    public var type: OperationType {
        get { fields.type }
        set { fields.type = newValue }
    }

    /// The SDK-level refinement of the type, for example `Step` or `MapIteration`.
    public var subType: String? {
        get { fields.subType }
        set { fields.subType = newValue }
    }

    /// When the operation started.
    public var startTimestamp: Date {
        get { fields.startTimestamp }
        set { fields.startTimestamp = newValue }
    }

    /// When the operation reached a terminal status.
    public var endTimestamp: Date? {
        get { fields.endTimestamp }
        set { fields.endTimestamp = newValue }
    }

    /// The operation's status.
    public var status: OperationStatus {
        get { fields.status }
        set { fields.status = newValue }
    }

    /// Present on the EXECUTION operation.
    public var executionDetails: ExecutionDetails? {
        get { fields.executionDetails }
        set { fields.executionDetails = newValue }
    }

    /// Present on CONTEXT operations.
    public var contextDetails: ContextDetails? {
        get { fields.contextDetails }
        set { fields.contextDetails = newValue }
    }

    /// Present on STEP operations.
    public var stepDetails: StepDetails? {
        get { fields.stepDetails }
        set { fields.stepDetails = newValue }
    }

    /// Present on WAIT operations.
    public var waitDetails: WaitDetails? {
        get { fields.waitDetails }
        set { fields.waitDetails = newValue }
    }

    /// Present on CALLBACK operations.
    public var callbackDetails: CallbackDetails? {
        get { fields.callbackDetails }
        set { fields.callbackDetails = newValue }
    }

    /// Present on CHAINED_INVOKE operations.
    public var chainedInvokeDetails: ChainedInvokeDetails? {
        get { fields.chainedInvokeDetails }
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
        var members = Fields(id: id, type: type, startTimestamp: startTimestamp, status: status)
        members.parentId = parentId
        members.name = name
        members.subType = subType
        members.endTimestamp = endTimestamp
        members.executionDetails = executionDetails
        members.contextDetails = contextDetails
        members.stepDetails = stepDetails
        members.waitDetails = waitDetails
        members.callbackDetails = callbackDetails
        members.chainedInvokeDetails = chainedInvokeDetails
        self.fields = members
    }

    /// Reads the AWS shape.
    public init(from decoder: any Decoder) throws {
        fields = try Fields(from: decoder)
    }

    /// Writes the AWS shape (absent members left out).
    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
    }
}
