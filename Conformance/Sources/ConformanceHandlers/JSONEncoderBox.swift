import Foundation

/// A JSON encoder with sorted keys, for stable text in handler messages.
enum JSONEncoderBox {
    static func make() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
