import Foundation

extension HistoryEvent: DirectJSONCodable {
    /// Reads an event as its `Codable` conformance does: the details from the member named after its type.
    public init(directJSON reader: inout DirectJSONReader) throws {
        var eventType: EventType?, eventId: Int?, eventTimestamp: Date?
        var id: String?, name: String?, parentId: String?, subType: String?
        var details: EventDetails?
        // `JSONEncoder` writes members in no fixed order, so a `…Details` member may come before
        // `EventType`; remember where such members start and read the right one at the end.
        var laterDetails: [(name: String, offset: Int)] = []
        try reader.readObject { reader, key in
            switch key {
            case "EventType": eventType = try reader.readOptional { try $0.readRawValue(EventType.self) }
            case "EventId": eventId = try reader.readOptional { try $0.readInt() }
            case "EventTimestamp": eventTimestamp = try reader.readOptional { try $0.readDate() }
            case "Id": id = try reader.readOptional { try $0.readString() }
            case "Name": name = try reader.readOptional { try $0.readString() }
            case "ParentId": parentId = try reader.readOptional { try $0.readString() }
            case "SubType": subType = try reader.readOptional { try $0.readString() }
            default:
                if let eventType, key.equals(eventType.rawValue, suffix: "Details") {
                    details = try reader.readOptional { try $0.read(EventDetails.self) }
                } else {
                    if eventType == nil, key.hasSuffix("Details") { laterDetails.append((key.name, reader.offset)) }
                    try reader.skipValue()
                }
            }
        }
        guard let eventType else { throw reader.missing("EventType", in: HistoryEvent.self) }
        guard let eventId else { throw reader.missing("EventId", in: HistoryEvent.self) }
        guard let eventTimestamp else { throw reader.missing("EventTimestamp", in: HistoryEvent.self) }
        if details == nil, let late = laterDetails.last(where: { $0.name == eventType.detailsKey }) {
            details = try reader.reading(at: late.offset) { try $0.readOptional { try $0.read(EventDetails.self) } }
        }
        self.init(eventType: eventType, eventId: eventId, eventTimestamp: eventTimestamp, id: id, name: name,
                  parentId: parentId, subType: subType, details: details ?? EventDetails())
    }

    /// Writes an event as its `Codable` conformance does, the details under `<EventType>Details`.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.key("EventType")
        writer.string(eventType.rawValue)
        writer.key("EventId")
        writer.int(eventId)
        writer.key("EventTimestamp")
        try writer.date(eventTimestamp)
        writer.member("Id", id)
        writer.member("Name", name)
        writer.member("ParentId", parentId)
        writer.member("SubType", subType)
        writer.key(eventType.rawValue, suffix: "Details")
        try details.write(to: &writer)
        writer.endObject()
    }
}
