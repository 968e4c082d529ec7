import DurableModel
import Foundation

/// JSON coding of the store's document columns (records, operations, events).
///
/// Dates are written with Foundation's default strategy (seconds since the reference date, as a
/// shortest round-trip double) rather than the protocol's epoch milliseconds: a store must read back
/// exactly what it was given, like the in-memory store does. Millisecond coding would round
/// sub-millisecond clock readings and would misread instants before 1973 as seconds when decoding.
///
/// The rows written on every checkpoint and read on every uncached resume (`Operation`,
/// `OperationMeta`, `HistoryEvent`) are `DirectJSONCodable`: the constrained overloads below are
/// chosen for them over the generic ones, and write the same JSON several times faster. Documents
/// either coding wrote read with both.
enum StoreJSON {
    // Shared: the coders are Sendable and their configuration is never changed after this point.
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    static func encode(_ value: some DirectJSONCodable & Encodable) throws -> String {
        try value.directJSON()
    }

    static func decode<T: DirectJSONCodable & Decodable>(_ type: T.Type, from text: String) throws -> T {
        try T(directJSON: text)
    }
}
