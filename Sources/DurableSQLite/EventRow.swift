import DurableModel
import GRDB

/// Maps a `HistoryEvent` to its `events` row and back.
enum EventRow {
    // A plain INSERT: commit checked the ids continue the history, so a duplicate is a bug to surface.
    static let insertSQL = "INSERT INTO events (execution_arn, event_id, event) VALUES (?, ?, ?)"
    static let lastEventIdSQL = "SELECT MAX(event_id) FROM events WHERE execution_arn = ?"
    static let selectForwardSQL = """
        SELECT event FROM events WHERE execution_arn = ? AND event_id > ? ORDER BY event_id LIMIT ?
        """
    static let selectReverseSQL = """
        SELECT event FROM events WHERE execution_arn = ? AND event_id < ? ORDER BY event_id DESC LIMIT ?
        """

    /// The arguments of `insertSQL`; the event in the direct JSON coding (see `DirectJSONCodable`).
    static func arguments(_ event: HistoryEvent, executionArn: String) throws -> SQLiteArguments {
        SQLiteArguments([.text(executionArn), .integer(event.eventId), .text(try event.directJSON())])
    }

    /// Decodes the `event` column, whichever coding wrote it.
    static func event(_ json: String) throws -> HistoryEvent {
        try HistoryEvent(directJSON: json)
    }
}
