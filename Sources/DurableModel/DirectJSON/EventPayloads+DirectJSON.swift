extension EventPayload: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes; `Truncated` is required, as there.
    public init(directJSON reader: inout DirectJSONReader) throws {
        var payload: String?, truncated: Bool?
        try reader.readObject { reader, key in
            switch key {
            case "Payload": payload = try reader.readOptional { try $0.readString() }
            case "Truncated": truncated = try reader.readOptional { try $0.readBool() }
            default: try reader.skipValue()
            }
        }
        guard let truncated else { throw reader.missing("Truncated", in: EventPayload.self) }
        self.init(payload: payload, truncated: truncated)
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("Payload", payload)
        writer.key("Truncated")
        writer.bool(truncated)
        writer.endObject()
    }
}

extension EventError: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes; `Truncated` is required, as there.
    public init(directJSON reader: inout DirectJSONReader) throws {
        var payload: ErrorObject?, truncated: Bool?
        try reader.readObject { reader, key in
            switch key {
            case "Payload": payload = try reader.readOptional { try $0.read(ErrorObject.self) }
            case "Truncated": truncated = try reader.readOptional { try $0.readBool() }
            default: try reader.skipValue()
            }
        }
        guard let truncated else { throw reader.missing("Truncated", in: EventError.self) }
        self.init(payload: payload, truncated: truncated)
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        try writer.member("Payload", payload)
        writer.key("Truncated")
        writer.bool(truncated)
        writer.endObject()
    }
}

extension RetryDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "CurrentAttempt": currentAttempt = try reader.readOptional { try $0.readInt() }
            case "NextAttemptDelaySeconds": nextAttemptDelaySeconds = try reader.readOptional { try $0.readInt() }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("CurrentAttempt", currentAttempt)
        writer.member("NextAttemptDelaySeconds", nextAttemptDelaySeconds)
        writer.endObject()
    }
}
