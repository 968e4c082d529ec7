import Durable
import Foundation

/// 4-16: a custom deserializer turns the callback payload text into a number.
public struct Conformance_4_16: DurableFunction {
    /// The handler's output.
    public struct Output: Codable, Sendable {
        /// The deserialized number.
        public var count: Int
        /// Twice the number.
        public var doubled: Int
    }

    /// Parses the payload text as an integer.
    public struct NumberSerializer: PayloadSerializer {
        /// Creates the serializer.
        public init() {}

        /// The number as text.
        public func serialize(_ value: Int, context: SerializationContext) throws -> String? { String(value) }

        /// The number parsed from the (possibly quoted) text.
        public func deserialize(_ text: String?, context: SerializationContext) throws -> Int {
            let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if let number = Int(trimmed) { return number }
            if let number = Double(trimmed) { return Int(number) }
            throw DurableError(code: .serialization, message: "Not a number: \(trimmed)")
        }
    }

    /// Creates the handler.
    public init() {}

    /// Returns `{count, doubled}`.
    public func run(_ input: String, context: DurableContext) async throws -> Output {
        let callback = try await context.createCallback(input, as: Int.self, configuration: CallbackConfiguration(serializer: NumberSerializer()))
        let count = try await callback.result()
        return Output(count: count, doubled: count * 2)
    }
}
