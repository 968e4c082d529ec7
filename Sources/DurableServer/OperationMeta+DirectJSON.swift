import DurableModel

extension OperationMeta: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes (the property names, as synthesized).
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "waitSeconds": waitSeconds = try reader.readOptional { try $0.readInt() }
            case "callbackTimeoutSeconds": callbackTimeoutSeconds = try reader.readOptional { try $0.readInt() }
            case "callbackHeartbeatSeconds": callbackHeartbeatSeconds = try reader.readOptional { try $0.readInt() }
            case "chainedChildArn": chainedChildArn = try reader.readOptional { try $0.readString() }
            case "chainedFunctionName": chainedFunctionName = try reader.readOptional { try $0.readString() }
            case "chainedTimeoutSeconds": chainedTimeoutSeconds = try reader.readOptional { try $0.readInt() }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("waitSeconds", waitSeconds)
        writer.member("callbackTimeoutSeconds", callbackTimeoutSeconds)
        writer.member("callbackHeartbeatSeconds", callbackHeartbeatSeconds)
        writer.member("chainedChildArn", chainedChildArn)
        writer.member("chainedFunctionName", chainedFunctionName)
        writer.member("chainedTimeoutSeconds", chainedTimeoutSeconds)
        writer.endObject()
    }
}
