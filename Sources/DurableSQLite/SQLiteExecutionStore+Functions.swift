import DurableModel
import DurableServer
import GRDB

/// The SQLite store's functions, versions and aliases (tables of migration `functions-v1`).
extension SQLiteExecutionStore: FunctionStore {
    /// The function called `name`.
    public func function(named name: String) async throws -> StoredFunction? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM functions WHERE name = ?", arguments: [name])
                .map { try StoreJSON.decode(StoredFunction.self, from: $0) }
        }
    }

    /// Functions ordered by name after `name`.
    public func functions(after name: String?, limit: Int) async throws -> [StoredFunction] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT document FROM functions WHERE name > ? ORDER BY name LIMIT ?",
                                arguments: [name ?? "", Self.sqlLimit(limit)])
                .map { try StoreJSON.decode(StoredFunction.self, from: $0) }
        }
    }

    /// Inserts or conditionally replaces a function.
    public func putFunction(_ function: StoredFunction, expectedGeneration: Int?) async throws -> Bool {
        let document = try StoreJSON.encode(function)
        return try await writeImmediately { db in
            if let expected = expectedGeneration {
                try db.execute(sql: "UPDATE functions SET generation = ?, document = ? WHERE name = ? AND generation = ?",
                               arguments: [function.generation, document, function.name, expected])
            } else {
                try db.execute(sql: "INSERT INTO functions (name, generation, document) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                               arguments: [function.name, function.generation, document])
            }
            return db.changesCount == 1
        }
    }

    /// Deletes a function with its versions and aliases (by cascade).
    public func deleteFunction(named name: String) async throws -> Bool {
        try await writeImmediately { db in
            try db.execute(sql: "DELETE FROM functions WHERE name = ?", arguments: [name])
            return db.changesCount == 1
        }
    }

    /// Stores a version and advances its function in one transaction.
    public func publishVersion(_ version: LambdaFunctionConfiguration, function: StoredFunction, expectedGeneration: Int) async throws -> Bool {
        guard let number = Int(version.version) else { return false }
        let document = try StoreJSON.encode(function)
        let versionDocument = try StoreJSON.encode(version)
        return try await writeImmediately { db in
            try db.execute(sql: "UPDATE functions SET generation = ?, document = ? WHERE name = ? AND generation = ?",
                           arguments: [function.generation, document, function.name, expectedGeneration])
            guard db.changesCount == 1 else { return false }
            try db.execute(sql: "INSERT INTO function_versions (function_name, version, document) VALUES (?, ?, ?)",
                           arguments: [function.name, number, versionDocument])
            return true
        }
    }

    /// One published version.
    public func version(functionName: String, number: Int) async throws -> LambdaFunctionConfiguration? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM function_versions WHERE function_name = ? AND version = ?",
                                arguments: [functionName, number])
                .map { try StoreJSON.decode(LambdaFunctionConfiguration.self, from: $0) }
        }
    }

    /// Published versions in ascending order.
    public func versions(functionName: String, after number: Int?, limit: Int) async throws -> [LambdaFunctionConfiguration] {
        try await writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT document FROM function_versions WHERE function_name = ? AND version > ? ORDER BY version LIMIT ?
                """, arguments: [functionName, number ?? 0, Self.sqlLimit(limit)])
                .map { try StoreJSON.decode(LambdaFunctionConfiguration.self, from: $0) }
        }
    }

    /// Deletes one published version.
    public func deleteVersion(functionName: String, number: Int) async throws -> Bool {
        try await writeImmediately { db in
            try db.execute(sql: "DELETE FROM function_versions WHERE function_name = ? AND version = ?", arguments: [functionName, number])
            return db.changesCount == 1
        }
    }

    /// One alias.
    public func alias(functionName: String, name: String) async throws -> AliasConfiguration? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM function_aliases WHERE function_name = ? AND name = ?",
                                arguments: [functionName, name])
                .map { try StoreJSON.decode(AliasConfiguration.self, from: $0) }
        }
    }

    /// Aliases ordered by name.
    public func aliases(functionName: String, after name: String?, limit: Int) async throws -> [AliasConfiguration] {
        try await writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT document FROM function_aliases WHERE function_name = ? AND name > ? ORDER BY name LIMIT ?
                """, arguments: [functionName, name ?? "", Self.sqlLimit(limit)])
                .map { try StoreJSON.decode(AliasConfiguration.self, from: $0) }
        }
    }

    /// Inserts or conditionally replaces an alias.
    public func putAlias(_ alias: AliasConfiguration, functionName: String, expectedRevision: String?) async throws -> Bool {
        let document = try StoreJSON.encode(alias)
        return try await writeImmediately { db in
            if let expected = expectedRevision {
                try db.execute(sql: """
                    UPDATE function_aliases SET revision_id = ?, document = ? WHERE function_name = ? AND name = ? AND revision_id = ?
                    """, arguments: [alias.revisionId, document, functionName, alias.name, expected])
            } else {
                // The function must exist: its row is the foreign key's parent.
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM functions WHERE name = ?", arguments: [functionName]) != nil else { return false }
                try db.execute(sql: """
                    INSERT INTO function_aliases (function_name, name, revision_id, document) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, arguments: [functionName, alias.name, alias.revisionId, document])
            }
            return db.changesCount == 1
        }
    }

    /// Deletes an alias.
    public func deleteAlias(functionName: String, name: String) async throws -> Bool {
        try await writeImmediately { db in
            try db.execute(sql: "DELETE FROM function_aliases WHERE function_name = ? AND name = ?", arguments: [functionName, name])
            return db.changesCount == 1
        }
    }

    /// SQLite's LIMIT is a signed 64-bit integer; `Int.max` means no limit.
    static func sqlLimit(_ limit: Int) -> Int64 { Int64(max(limit, 0)) }
}
