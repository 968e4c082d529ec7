import DurableModel
import Foundation

extension HistoryEvent {
    /// An event about `op`, copying its id, name, parent and subtype; the engine numbers it later.
    static func operationEvent(_ type: EventType, _ op: DurableModel.Operation, at date: Date, details: EventDetails = EventDetails()) -> HistoryEvent {
        HistoryEvent(eventType: type, eventId: 0, eventTimestamp: date, id: op.id, name: op.name, parentId: op.parentId,
                     subType: op.subType, details: details)
    }

    /// An execution-level event (no operation fields).
    static func executionEvent(_ type: EventType, at date: Date, details: EventDetails = EventDetails()) -> HistoryEvent {
        HistoryEvent(eventType: type, eventId: 0, eventTimestamp: date, details: details)
    }
}
