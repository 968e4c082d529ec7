import Foundation

extension Operation: DirectJSONCodable {
    /// Reads the members `Operation`'s `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        var id: String?, type: OperationType?, startTimestamp: Date?, status: OperationStatus?
        var parentId: String?, name: String?, subType: String?, endTimestamp: Date?
        var executionDetails: ExecutionDetails?, contextDetails: ContextDetails?, stepDetails: StepDetails?
        var waitDetails: WaitDetails?, callbackDetails: CallbackDetails?, chainedInvokeDetails: ChainedInvokeDetails?
        try reader.readObject { reader, key in
            switch key {
            case "Id": id = try reader.readOptional { try $0.readString() }
            case "ParentId": parentId = try reader.readOptional { try $0.readString() }
            case "Name": name = try reader.readOptional { try $0.readString() }
            case "Type": type = try reader.readOptional { try $0.readRawValue(OperationType.self) }
            case "SubType": subType = try reader.readOptional { try $0.readString() }
            case "StartTimestamp": startTimestamp = try reader.readOptional { try $0.readDate() }
            case "EndTimestamp": endTimestamp = try reader.readOptional { try $0.readDate() }
            case "Status": status = try reader.readOptional { try $0.readRawValue(OperationStatus.self) }
            case "ExecutionDetails": executionDetails = try reader.readOptional { try $0.read(ExecutionDetails.self) }
            case "ContextDetails": contextDetails = try reader.readOptional { try $0.read(ContextDetails.self) }
            case "StepDetails": stepDetails = try reader.readOptional { try $0.read(StepDetails.self) }
            case "WaitDetails": waitDetails = try reader.readOptional { try $0.read(WaitDetails.self) }
            case "CallbackDetails": callbackDetails = try reader.readOptional { try $0.read(CallbackDetails.self) }
            case "ChainedInvokeDetails": chainedInvokeDetails = try reader.readOptional { try $0.read(ChainedInvokeDetails.self) }
            default: try reader.skipValue()
            }
        }
        guard let id else { throw reader.missing("Id", in: Operation.self) }
        guard let type else { throw reader.missing("Type", in: Operation.self) }
        guard let startTimestamp else { throw reader.missing("StartTimestamp", in: Operation.self) }
        guard let status else { throw reader.missing("Status", in: Operation.self) }
        self.init(id: id, parentId: parentId, name: name, type: type, subType: subType, startTimestamp: startTimestamp,
                  endTimestamp: endTimestamp, status: status, executionDetails: executionDetails,
                  contextDetails: contextDetails, stepDetails: stepDetails, waitDetails: waitDetails,
                  callbackDetails: callbackDetails, chainedInvokeDetails: chainedInvokeDetails)
    }

    /// Writes the members `Operation`'s `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.key("Id")
        writer.string(id)
        writer.member("ParentId", parentId)
        writer.member("Name", name)
        writer.key("Type")
        writer.string(type.rawValue)
        writer.member("SubType", subType)
        writer.key("StartTimestamp")
        try writer.date(startTimestamp)
        try writer.member("EndTimestamp", endTimestamp)
        writer.key("Status")
        writer.string(status.rawValue)
        try writer.member("ExecutionDetails", executionDetails)
        try writer.member("ContextDetails", contextDetails)
        try writer.member("StepDetails", stepDetails)
        try writer.member("WaitDetails", waitDetails)
        try writer.member("CallbackDetails", callbackDetails)
        try writer.member("ChainedInvokeDetails", chainedInvokeDetails)
        writer.endObject()
    }
}
