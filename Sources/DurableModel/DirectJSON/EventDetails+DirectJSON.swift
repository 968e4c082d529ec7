import Foundation

extension EventDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "Input": input = try reader.readOptional { try $0.read(EventPayload.self) }
            case "ExecutionTimeout": executionTimeout = try reader.readOptional { try $0.readInt() }
            case "Result": result = try reader.readOptional { try $0.read(EventPayload.self) }
            case "Error": error = try reader.readOptional { try $0.read(EventError.self) }
            case "RetryDetails": retryDetails = try reader.readOptional { try $0.read(RetryDetails.self) }
            case "Duration": duration = try reader.readOptional { try $0.readInt() }
            case "ScheduledEndTimestamp": scheduledEndTimestamp = try reader.readOptional { try $0.readDate() }
            case "CallbackId": callbackId = try reader.readOptional { try $0.readString() }
            case "HeartbeatTimeout": heartbeatTimeout = try reader.readOptional { try $0.readInt() }
            case "Timeout": timeout = try reader.readOptional { try $0.readInt() }
            case "FunctionName": functionName = try reader.readOptional { try $0.readString() }
            case "TenantId": tenantId = try reader.readOptional { try $0.readString() }
            case "ExecutedVersion": executedVersion = try reader.readOptional { try $0.readString() }
            case "DurableExecutionArn": durableExecutionArn = try reader.readOptional { try $0.readString() }
            case "StartTimestamp": startTimestamp = try reader.readOptional { try $0.readDate() }
            case "EndTimestamp": endTimestamp = try reader.readOptional { try $0.readDate() }
            case "RequestId": requestId = try reader.readOptional { try $0.readString() }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        try writer.member("Input", input)
        writer.member("ExecutionTimeout", executionTimeout)
        try writer.member("Result", result)
        try writer.member("Error", error)
        try writer.member("RetryDetails", retryDetails)
        writer.member("Duration", duration)
        try writer.member("ScheduledEndTimestamp", scheduledEndTimestamp)
        writer.member("CallbackId", callbackId)
        writer.member("HeartbeatTimeout", heartbeatTimeout)
        writer.member("Timeout", timeout)
        writer.member("FunctionName", functionName)
        writer.member("TenantId", tenantId)
        writer.member("ExecutedVersion", executedVersion)
        writer.member("DurableExecutionArn", durableExecutionArn)
        try writer.member("StartTimestamp", startTimestamp)
        try writer.member("EndTimestamp", endTimestamp)
        writer.member("RequestId", requestId)
        writer.endObject()
    }
}
