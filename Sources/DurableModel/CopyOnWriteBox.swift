/// Heap storage that copies of a large value type share until one of them writes to it.
///
/// Records and operations are copied many times per checkpoint; with their members in a box, a copy
/// is one reference count instead of a move of hundreds of bytes and a count for every string inside.
/// The owner writes `value` only while `isKnownUniquelyReferenced` holds for its reference and puts a
/// fresh box in place otherwise, so a box that two threads can reach is only ever read: that is why
/// the class may be `@unchecked Sendable`.
public final class CopyOnWriteBox<Value: Sendable>: @unchecked Sendable {
    /// The stored value.
    public var value: Value

    /// A box holding `value`.
    public init(_ value: Value) {
        self.value = value
    }
}
