/// One statement parameter's value, as the commit path binds it (see `SQLiteArguments`).
enum SQLiteArgument: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    /// An integer, or NULL for nil.
    static func integer(_ value: Int?) -> SQLiteArgument {
        value.map { .integer(Int64($0)) } ?? .null
    }

    /// A text, or NULL for nil.
    static func text(_ value: String?) -> SQLiteArgument {
        value.map { .text($0) } ?? .null
    }

    /// A real, or NULL for nil.
    static func real(_ value: Double?) -> SQLiteArgument {
        value.map { .real($0) } ?? .null
    }
}
