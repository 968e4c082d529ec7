import Foundation

extension ExecutionDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "InputPayload": inputPayload = try reader.readOptional { try $0.readString() }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("InputPayload", inputPayload)
        writer.endObject()
    }
}

extension ContextDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "ReplayChildren": replayChildren = try reader.readOptional { try $0.readBool() }
            case "Result": result = try reader.readOptional { try $0.readString() }
            case "Error": error = try reader.readOptional { try $0.read(ErrorObject.self) }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("ReplayChildren", replayChildren)
        writer.member("Result", result)
        try writer.member("Error", error)
        writer.endObject()
    }
}

extension StepDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "Attempt": attempt = try reader.readOptional { try $0.readInt() }
            case "NextAttemptTimestamp": nextAttemptTimestamp = try reader.readOptional { try $0.readDate() }
            case "Result": result = try reader.readOptional { try $0.readString() }
            case "Error": error = try reader.readOptional { try $0.read(ErrorObject.self) }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("Attempt", attempt)
        try writer.member("NextAttemptTimestamp", nextAttemptTimestamp)
        writer.member("Result", result)
        try writer.member("Error", error)
        writer.endObject()
    }
}

extension WaitDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "ScheduledEndTimestamp": scheduledEndTimestamp = try reader.readOptional { try $0.readDate() }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        try writer.member("ScheduledEndTimestamp", scheduledEndTimestamp)
        writer.endObject()
    }
}

extension CallbackDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "CallbackId": callbackId = try reader.readOptional { try $0.readString() }
            case "Result": result = try reader.readOptional { try $0.readString() }
            case "Error": error = try reader.readOptional { try $0.read(ErrorObject.self) }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("CallbackId", callbackId)
        writer.member("Result", result)
        try writer.member("Error", error)
        writer.endObject()
    }
}

extension ChainedInvokeDetails: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "Result": result = try reader.readOptional { try $0.readString() }
            case "Error": error = try reader.readOptional { try $0.read(ErrorObject.self) }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("Result", result)
        try writer.member("Error", error)
        writer.endObject()
    }
}
