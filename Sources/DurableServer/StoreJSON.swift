import DurableModel
import Foundation

/// JSON coding of the stores' document columns (SQLite and PostgreSQL: records, functions, operations,
/// events).
///
/// Dates are written with Foundation's default strategy (seconds since the reference date, as a
/// shortest round-trip double) rather than the protocol's epoch milliseconds: a store must read back
/// exactly what it was given, like the in-memory store does. Millisecond coding would round
/// sub-millisecond clock readings and would misread instants before 1973 as seconds when decoding.
///
/// The rows written on every checkpoint and read on every uncached resume (`Operation`,
/// `OperationMeta`, `HistoryEvent`) are `DirectJSONCodable`: the constrained overloads below are
/// chosen for them over the generic ones, and write the same JSON several times faster. Documents
/// either coding wrote read with both. The execution record has its own direct coding, with a
/// fallback to these coders (`ExecutionRecord.storeDocument()`).
public enum StoreJSON {
    // Shared: the coders are Sendable and their configuration is never changed after this point.
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    /// `value` as JSON text, through `JSONEncoder`.
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A `T` read from JSON text with `JSONDecoder`.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    /// `value` as JSON text in the direct coding (the same JSON `JSONEncoder` writes).
    public static func encode(_ value: some DirectJSONCodable & Encodable) throws -> String {
        try value.directJSON()
    }

    /// A `T` read from JSON text either coding wrote, with the direct reader.
    public static func decode<T: DirectJSONCodable & Decodable>(_ type: T.Type, from text: String) throws -> T {
        try T(directJSON: text)
    }
}
