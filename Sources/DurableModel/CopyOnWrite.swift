/// Keeps a large value in heap storage that copies share until one of them writes to it.
///
/// Operations, history events and execution records are copied many times per checkpoint; with their
/// members behind this wrapper, a copy is one reference count instead of a move of hundreds of bytes
/// and a count for every string inside. Writing copies the storage first if another value shares it,
/// so the wrapped value keeps value semantics; equality and hashing are the value's. Inlinable, so that
/// other modules' uses are specialized (unspecialized generic access measured 20% more CPU).
@propertyWrapper
public struct CopyOnWrite<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The shared storage. It is written only through `wrappedValue`'s `_modify`, after the check that
    /// this wrapper holds the only reference, so storage two threads can reach is only ever read: that
    /// is why the class may be `@unchecked Sendable`.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline var value: Value

        @inlinable
        init(_ value: Value) {
            self.value = value
        }
    }

    @usableFromInline var storage: Storage

    /// Wraps `wrappedValue` in fresh storage.
    @inlinable
    public init(wrappedValue: Value) {
        storage = Storage(wrappedValue)
    }

    /// The value; changed in place when this is the storage's only holder, in a copy otherwise.
    @inlinable
    public var wrappedValue: Value {
        get { storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }

    /// Equal when the values are (shared storage is equal without a look inside).
    @inlinable
    public static func == (lhs: CopyOnWrite, rhs: CopyOnWrite) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.value == rhs.storage.value
    }

    /// Hashes the value.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        storage.value.hash(into: &hasher)
    }
}
