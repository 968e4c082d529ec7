@testable import DurableSQLite
import GRDB
import Testing

/// The commit path's direct binding must store exactly what GRDB's own binding would.
@Suite("SQLite arguments")
struct SQLiteArgumentsTests {
    private func makeDatabase() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a, b, c, d, e)")
        }
        return queue
    }

    @Test func positionalValuesStoreEveryKindExactly() throws {
        let queue = try makeDatabase()
        let text = "naïve \"quoted\" \u{1F600} tab\there"
        let row = try queue.write { db -> Row? in
            let insert = try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)")
            try SQLiteArguments([.integer(Int64.min), .real(-0.5), .text(text), .text(""), .null]).execute(insert, in: db)
            return try Row.fetchOne(db, sql: "SELECT a, b, c, d, e, typeof(d), typeof(e) FROM t")
        }
        let stored = try #require(row)
        #expect(stored[0] == Int64.min)
        #expect(stored[1] == -0.5)
        #expect(stored[2] == text)
        // An empty string stays text: a NULL pointer would have bound NULL.
        #expect(stored[3] == "")
        #expect(stored[5] == "text")
        #expect(stored[6] == "null")
    }

    @Test func namedValuesBindByNameInAnyOrderAndRepeatedNamesShareOneValue() throws {
        let queue = try makeDatabase()
        let values = try queue.write { db -> [Int64] in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a, b, c) VALUES (:x, :y, :x + :y)")
            try SQLiteArguments(named: [("y", .integer(2)), ("x", .integer(40))]).execute(insert, in: db)
            // A second run through the same prepared statement gets its own values.
            try (SQLiteArguments(named: [("x", .integer(1))]) + SQLiteArguments(named: [("y", .integer(1))])).execute(insert, in: db)
            return try Int64.fetchAll(db, sql: "SELECT c FROM t ORDER BY rowid")
        }
        #expect(values == [42, 2])
    }

    @Test func aMissingOrUnknownParameterIsRefusedNotLeftBound() throws {
        let queue = try makeDatabase()
        try queue.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a, b) VALUES (:x, :y)")
            try SQLiteArguments(named: [("x", .integer(1)), ("y", .integer(2))]).execute(insert, in: db)
            #expect(throws: DatabaseError.self) {
                try SQLiteArguments(named: [("x", .integer(3))]).execute(insert, in: db)
            }
            #expect(throws: DatabaseError.self) {
                try SQLiteArguments(named: [("x", .integer(3)), ("z", .integer(4))]).execute(insert, in: db)
            }
            #expect(throws: DatabaseError.self) {
                try SQLiteArguments([.integer(1)]).execute(db.cachedStatement(sql: "INSERT INTO t (a, b) VALUES (?, ?)"), in: db)
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 1)
        }
    }

    @Test func aConstraintFailureThrowsWithSQLitesCodeAndLeavesTheStatementReusable() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE u (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            let insert = try db.cachedStatement(sql: "INSERT INTO u (id, v) VALUES (?, ?)")
            try SQLiteArguments([.integer(1), .text("a")]).execute(insert, in: db)
            do {
                try SQLiteArguments([.integer(1), .text("b")]).execute(insert, in: db)
                Issue.record("a duplicate key was stored")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_CONSTRAINT)
            }
            try SQLiteArguments([.integer(2), .text("c")]).execute(insert, in: db)
            #expect(try String.fetchAll(db, sql: "SELECT v FROM u ORDER BY id") == ["a", "c"])
        }
    }
}
