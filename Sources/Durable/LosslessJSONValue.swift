/// A type whose value comes back identical from the default JSON serializer, so the SDK may skip
/// decoding text it has just encoded.
///
/// Only types whose JSON form keeps every bit qualify: integers, booleans, strings, `DurableVoid`
/// and arrays of them. Not floating point (NaN, infinities), `Date` (encoded to whole seconds),
/// optionals (`.some(nil)` decodes as `nil`) or any type with a custom `Codable` implementation.
protocol LosslessJSONValue {}

extension Int: LosslessJSONValue {}
extension Int8: LosslessJSONValue {}
extension Int16: LosslessJSONValue {}
extension Int32: LosslessJSONValue {}
extension Int64: LosslessJSONValue {}
extension UInt: LosslessJSONValue {}
extension UInt8: LosslessJSONValue {}
extension UInt16: LosslessJSONValue {}
extension UInt32: LosslessJSONValue {}
extension UInt64: LosslessJSONValue {}
extension Bool: LosslessJSONValue {}
extension String: LosslessJSONValue {}
extension DurableVoid: LosslessJSONValue {}
extension Array: LosslessJSONValue where Element: LosslessJSONValue {}
