import Foundation

/// JSON coders with the timestamp conventions of the durable protocol.
///
/// The invocation event carries timestamps as integer epoch milliseconds; the REST APIs answer
/// with epoch seconds. Decoding accepts both (and ISO-8601 strings), telling milliseconds from
/// seconds by magnitude: 10^11 seconds is the year 5138, 10^11 milliseconds is 1973.
public enum DurableJSON {
    /// How timestamps are written.
    public enum TimestampUnit: Sendable {
        /// Integer epoch milliseconds (the invocation event).
        case milliseconds
        /// Fractional epoch seconds (REST responses).
        case seconds
    }

    /// An encoder writing timestamps in `unit`, keys sorted.
    ///
    /// Sorted keys make every answer byte-for-byte reproducible (a `ClientToken` replay returns the
    /// same bytes; tests can compare text); JSON clients do not care about member order.
    public static func encoder(_ unit: TimestampUnit) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        switch unit {
        case .milliseconds:
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var c = encoder.singleValueContainer()
                try c.encode(Int64((date.timeIntervalSince1970 * 1000).rounded()))
            }
        case .seconds:
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var c = encoder.singleValueContainer()
                // Millisecond precision, written as a plain decimal number.
                try c.encode((date.timeIntervalSince1970 * 1000).rounded() / 1000)
            }
        }
        return encoder
    }

    /// A decoder accepting epoch seconds, epoch milliseconds or ISO-8601 strings.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Double.self) {
                return Date(timeIntervalSince1970: number >= 1e11 ? number / 1000 : number)
            }
            let text = try c.decode(String.self)
            if let date = parseISO8601(text) { return date }
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "Invalid timestamp '\(text)'")
        }
        return decoder
    }

    /// Parses `2025-01-01T00:00:00Z`, with or without fractional seconds.
    public static func parseISO8601(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Encodes `value` as UTF-8 JSON text.
    public static func string(_ value: some Encodable, _ unit: TimestampUnit = .seconds) throws -> String {
        String(decoding: try encoder(unit).encode(value), as: UTF8.self)
    }
}
