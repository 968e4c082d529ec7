import GRDB
import GRDBSQLite

/// A statement's parameter values, bound with SQLite's C API instead of GRDB's `StatementArguments`.
///
/// The commit path binds several rows per checkpoint (thousands for a big map), on SQLite's one
/// writer thread. GRDB boxes each value, validates the arguments against the statement, and maps
/// names through a dictionary on every execution; this binds the values as they are. Positional values
/// fill `?1…?n` in order; named values are found with `sqlite3_bind_parameter_index`. Every statement
/// run through `execute` must get all its parameters each time, as bindings otherwise persist.
struct SQLiteArguments: Sendable {
    private enum Values: Sendable {
        case positional([SQLiteArgument])
        case named([(name: String, value: SQLiteArgument)])
    }

    private var values: Values

    /// Values for `?1`, `?2`, … in order.
    init(_ values: [SQLiteArgument]) {
        self.values = .positional(values)
    }

    /// Values for `:name` parameters; names are given without the colon.
    init(named values: [(name: String, value: SQLiteArgument)]) {
        self.values = .named(values.map { (":" + $0.name, $0.value) })
    }

    /// How many values there are.
    var count: Int {
        switch values {
        case .positional(let values): values.count
        case .named(let values): values.count
        }
    }

    /// These arguments followed by `other`'s; both must be of one kind, positional or named.
    static func + (lhs: SQLiteArguments, rhs: SQLiteArguments) -> SQLiteArguments {
        var joined = lhs
        switch (lhs.values, rhs.values) {
        case (.positional(let left), .positional(let right)): joined.values = .positional(left + right)
        case (.named(let left), .named(let right)): joined.values = .named(left + right)
        default: preconditionFailure("positional and named arguments do not concatenate")
        }
        return joined
    }

    /// Binds the values to `statement`, steps it to completion and resets it. With `leading`, that
    /// integer fills `?1` and the values follow from `?2` (a row's execution key, known only in the writer).
    func execute(_ statement: Statement, in db: Database, after leading: Int64? = nil) throws {
        _ = try run(statement, in: db, after: leading)
    }

    /// Like `execute`, and returns the first column of the first row the statement produced (an
    /// `INSERT` or `UPDATE` with `RETURNING`), nil when it produced none.
    func executeReturningInteger(_ statement: Statement, in db: Database) throws -> Int64? {
        try run(statement, in: db, after: nil)
    }

    private func run(_ statement: Statement, in db: Database, after leading: Int64?) throws -> Int64? {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        let offset: Int32 = leading == nil ? 0 : 1
        // A parameter left out would keep the previous execution's value: refuse instead.
        guard count + Int(offset) == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE,
                                message: "\(count + Int(offset)) values for \(sqlite3_bind_parameter_count(handle)) parameters",
                                sql: statement.sql)
        }
        if let leading {
            try Self.bind(.integer(leading), at: 1, handle, statement, db)
        }
        switch values {
        case .positional(let values):
            for (index, value) in values.enumerated() {
                try Self.bind(value, at: Int32(index + 1) + offset, handle, statement, db)
            }
        case .named(let values):
            for (name, value) in values {
                let index = sqlite3_bind_parameter_index(handle, name)
                guard index > 0 else {
                    throw DatabaseError(resultCode: .SQLITE_RANGE, message: "no parameter \(name)", sql: statement.sql)
                }
                try Self.bind(value, at: index, handle, statement, db)
            }
        }
        var first: Int64?
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            if first == nil { first = sqlite3_column_int64(handle, 0) }
            code = sqlite3_step(handle)
        }
        if code != SQLITE_DONE {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        return first
    }

    private static func bind(_ value: SQLiteArgument, at index: Int32, _ handle: SQLiteStatement, _ statement: Statement,
                             _ db: Database) throws {
        let code: Int32
        switch value {
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .text(var text):
            code = text.withUTF8 { bytes in
                // An empty buffer may have no address, and a NULL pointer would bind NULL, not "".
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, transient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
                }
            }
        }
        if code != SQLITE_OK {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    /// SQLite's SQLITE_TRANSIENT (copy the bytes now), which Swift does not import as a constant.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
