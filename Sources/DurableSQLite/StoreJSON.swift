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

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
