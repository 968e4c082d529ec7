import Foundation

/// One entry of an execution's history (the AWS `Event` shape).
public struct HistoryEvent: Codable, Sendable, Hashable {
    /// The event type.
    public var eventType: EventType
    /// Sequential per execution, starting at 1.
    public var eventId: Int
    /// When it happened.
    public var eventTimestamp: Date
    /// The operation id (absent on execution-level and `InvocationCompleted` events).
    public var id: String?
    /// The operation's name.
    public var name: String?
    /// The operation's parent.
    public var parentId: String?
    /// The operation's subtype.
    public var subType: String?
    /// The `<EventType>Details` member, shared copy-on-write: it is most of an event's size.
    @CopyOnWrite public var details: EventDetails

    /// Creates an event.
    public init(eventType: EventType, eventId: Int, eventTimestamp: Date, id: String? = nil, name: String? = nil,
                parentId: String? = nil, subType: String? = nil, details: EventDetails = EventDetails()) {
        self.eventType = eventType
        self.eventId = eventId
        self.eventTimestamp = eventTimestamp
        self.id = id
        self.name = name
        self.parentId = parentId
        self.subType = subType
        self.details = details
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes an event, reading the details from the member named after its type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        eventType = try c.decode(EventType.self, forKey: Key("EventType"))
        eventId = try c.decode(Int.self, forKey: Key("EventId"))
        eventTimestamp = try c.decode(Date.self, forKey: Key("EventTimestamp"))
        id = try c.decodeIfPresent(String.self, forKey: Key("Id"))
        name = try c.decodeIfPresent(String.self, forKey: Key("Name"))
        parentId = try c.decodeIfPresent(String.self, forKey: Key("ParentId"))
        subType = try c.decodeIfPresent(String.self, forKey: Key("SubType"))
        details = try c.decodeIfPresent(EventDetails.self, forKey: Key(eventType.detailsKey)) ?? EventDetails()
    }

    /// Encodes an event with its details under `<EventType>Details`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(eventType, forKey: Key("EventType"))
        try c.encode(eventId, forKey: Key("EventId"))
        try c.encode(eventTimestamp, forKey: Key("EventTimestamp"))
        try c.encodeIfPresent(id, forKey: Key("Id"))
        try c.encodeIfPresent(name, forKey: Key("Name"))
        try c.encodeIfPresent(parentId, forKey: Key("ParentId"))
        try c.encodeIfPresent(subType, forKey: Key("SubType"))
        try c.encode(details, forKey: Key(eventType.detailsKey))
    }
}
