import DurableModel
import GRDB

/// Maps a commit's `HistoryEvent`s to one `event_batches` row and back.
///
/// A batch holds consecutive events, one JSON document per line; `first_event_id` and
/// `last_event_id` bound it, so a page of history reads the batch holding its first event onward.
enum EventRow {
    // A plain INSERT: commit checked the ids continue the history, so a duplicate is a bug to surface.
    /// `?1` is the execution's key (bound by the writer, see `EncodedRows`), the rest come from `arguments`.
    static let insertSQL = """
        INSERT INTO event_batches (execution_key, first_event_id, last_event_id, events) VALUES (?1, ?2, ?3, ?4)
        """
    static let lastEventIdSQL = "SELECT MAX(last_event_id) FROM event_batches WHERE execution_key = \(ExecutionRow.keyOfArn)"
    /// The batch holding the first event after `?2`, and every later one, in order.
    static let selectForwardSQL = """
        SELECT events FROM event_batches WHERE execution_key = \(ExecutionRow.keyOfArn) AND first_event_id >= COALESCE(
            (SELECT MAX(first_event_id) FROM event_batches
             WHERE execution_key = \(ExecutionRow.keyOfArn) AND first_event_id <= ?2), 0)
        ORDER BY first_event_id
        """
    /// Every batch starting before event `?2`, latest first.
    static let selectReverseSQL = """
        SELECT events FROM event_batches WHERE execution_key = \(ExecutionRow.keyOfArn) AND first_event_id < ?2
        ORDER BY first_event_id DESC
        """
    /// An execution's batches, by its key (purge).
    static let deleteForExecutionSQL = "DELETE FROM event_batches WHERE execution_key = ?"

    /// The arguments of `insertSQL` after the execution's key, for one commit's events (consecutive, at
    /// least one), each in the direct JSON coding (see `DirectJSONCodable`).
    static func arguments(_ events: [HistoryEvent]) throws -> SQLiteArguments {
        var lines = ""
        for event in events {
            if !lines.isEmpty { lines.append("\n") }
            lines.append(try event.directJSON())
        }
        return SQLiteArguments([.integer(events.first?.eventId ?? 0), .integer(events.last?.eventId ?? 0), .text(lines)])
    }

    /// Decodes an `events` column, whichever coding wrote its documents.
    static func events(_ lines: String) throws -> [HistoryEvent] {
        try lines.utf8.split(separator: UInt8(ascii: "\n")).map { try HistoryEvent(directJSON: String(decoding: $0, as: UTF8.self)) }
    }

    /// Up to `limit` events after `eventId` (before it when `reverse`), from the batches a select statement
    /// returns in that direction; reads no more batches than it needs.
    static func page(_ cursor: some Cursor<String>, after eventId: Int, limit: Int, reverse: Bool) throws -> [HistoryEvent] {
        var page: [HistoryEvent] = []
        guard limit > 0 else { return page }
        while let lines = try cursor.next() {
            let batch = try events(lines)
            for event in reverse ? batch.reversed() : batch where reverse ? event.eventId < eventId : event.eventId > eventId {
                page.append(event)
                if page.count == limit { return page }
            }
        }
        return page
    }
}
