import DurableServer
import Foundation

/// JSON coding of the store's document columns other than operations and events (records, functions).
///
/// Operation and event rows, written on every checkpoint, use the direct coding instead
/// (`OperationRow`, `EventRow`), which writes the same JSON and reads what this one wrote.
///
/// Dates are written with Foundation's default strategy (seconds since the reference date, as a
/// shortest round-trip double) rather than the protocol's epoch milliseconds: a store must read back
/// exactly what it was given, like the in-memory store does. Millisecond coding would round
/// sub-millisecond clock readings and would misread instants before 1973 as seconds when decoding.
enum StoreJSON {
    // Shared: the coders are Sendable and their configuration is never changed after this point.
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A record, written directly unless it is in one of the rare states left to `JSONEncoder`
    /// (see `ExecutionRecord.directJSONDocument`).
    static func encode(_ record: ExecutionRecord) throws -> String {
        try record.directJSONDocument() ?? String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    /// A record, read directly unless the direct reader declines it (see `ExecutionRecord.init(directJSONDocument:)`).
    static func decode(_ type: ExecutionRecord.Type, from text: String) throws -> ExecutionRecord {
        if let record = ExecutionRecord(directJSONDocument: text) { return record }
        return try decoder.decode(type, from: Data(text.utf8))
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
