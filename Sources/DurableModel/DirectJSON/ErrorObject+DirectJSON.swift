extension ErrorObject: DirectJSONCodable {
    /// Reads the members the `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        self.init()
        try reader.readObject { reader, key in
            switch key {
            case "ErrorType": errorType = try reader.readOptional { try $0.readString() }
            case "ErrorMessage": errorMessage = try reader.readOptional { try $0.readString() }
            case "ErrorData": errorData = try reader.readOptional { try $0.readString() }
            case "StackTrace": stackTrace = try reader.readOptional { try $0.readStrings() }
            default: try reader.skipValue()
            }
        }
    }

    /// Writes the members the `Codable` conformance writes, nil ones left out.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("ErrorType", errorType)
        writer.member("ErrorMessage", errorMessage)
        writer.member("ErrorData", errorData)
        writer.member("StackTrace", stackTrace)
        writer.endObject()
    }
}
