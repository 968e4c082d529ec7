import DurableModel
import DurableServer
import PostgresNIO

/// The PostgreSQL store's functions, versions and aliases (tables of migration `functions-v1`).
extension PostgresExecutionStore: FunctionStore {
    /// The function called `name`.
    public func function(named name: String) async throws -> StoredFunction? {
        try await documents(StoredFunction.self, "SELECT document::text FROM functions WHERE name = \(name)").first
    }

    /// Functions ordered by name after `name`.
    public func functions(after name: String?, limit: Int) async throws -> [StoredFunction] {
        try await documents(StoredFunction.self, """
            SELECT document::text FROM functions WHERE name > \(name ?? "") ORDER BY name LIMIT \(Self.sqlLimit(limit))
            """)
    }

    /// Inserts or conditionally replaces a function.
    public func putFunction(_ function: StoredFunction, expectedGeneration: Int?) async throws -> Bool {
        let document = try StoreJSON.encode(function)
        let query: PostgresQuery = if let expected = expectedGeneration {
            """
            UPDATE functions SET generation = \(function.generation), document = \(document)::json
            WHERE name = \(function.name) AND generation = \(expected) RETURNING name
            """
        } else {
            """
            INSERT INTO functions (name, generation, document) VALUES (\(function.name), \(function.generation), \(document)::json)
            ON CONFLICT DO NOTHING RETURNING name
            """
        }
        return try await changed(query)
    }

    /// Deletes a function with its versions and aliases (by cascade).
    public func deleteFunction(named name: String) async throws -> Bool {
        try await changed("DELETE FROM functions WHERE name = \(name) RETURNING name")
    }

    /// Stores a version and advances its function in one transaction.
    public func publishVersion(_ version: LambdaFunctionConfiguration, function: StoredFunction, expectedGeneration: Int) async throws -> Bool {
        guard let number = Int(version.version) else { return false }
        let document = try StoreJSON.encode(function)
        let versionDocument = try StoreJSON.encode(version)
        return try await transaction { connection in
            let rows = try await connection.query("""
                UPDATE functions SET generation = \(function.generation), document = \(document)::json
                WHERE name = \(function.name) AND generation = \(expectedGeneration) RETURNING name
                """, logger: self.logger)
            var updated = false
            for try await _ in rows.decode(String.self) { updated = true }
            guard updated else { return false }
            try await connection.query("""
                INSERT INTO function_versions (function_name, version, document) VALUES (\(function.name), \(number), \(versionDocument)::json)
                """, logger: self.logger)
            return true
        }
    }

    /// One published version.
    public func version(functionName: String, number: Int) async throws -> LambdaFunctionConfiguration? {
        try await documents(LambdaFunctionConfiguration.self, """
            SELECT document::text FROM function_versions WHERE function_name = \(functionName) AND version = \(number)
            """).first
    }

    /// Published versions in ascending order.
    public func versions(functionName: String, after number: Int?, limit: Int) async throws -> [LambdaFunctionConfiguration] {
        try await documents(LambdaFunctionConfiguration.self, """
            SELECT document::text FROM function_versions WHERE function_name = \(functionName) AND version > \(number ?? 0)
            ORDER BY version LIMIT \(Self.sqlLimit(limit))
            """)
    }

    /// Deletes one published version.
    public func deleteVersion(functionName: String, number: Int) async throws -> Bool {
        try await changed("DELETE FROM function_versions WHERE function_name = \(functionName) AND version = \(number) RETURNING function_name")
    }

    /// One alias.
    public func alias(functionName: String, name: String) async throws -> AliasConfiguration? {
        try await documents(AliasConfiguration.self, """
            SELECT document::text FROM function_aliases WHERE function_name = \(functionName) AND name = \(name)
            """).first
    }

    /// Aliases ordered by name.
    public func aliases(functionName: String, after name: String?, limit: Int) async throws -> [AliasConfiguration] {
        try await documents(AliasConfiguration.self, """
            SELECT document::text FROM function_aliases WHERE function_name = \(functionName) AND name > \(name ?? "")
            ORDER BY name LIMIT \(Self.sqlLimit(limit))
            """)
    }

    /// Inserts or conditionally replaces an alias.
    public func putAlias(_ alias: AliasConfiguration, functionName: String, expectedRevision: String?) async throws -> Bool {
        let document = try StoreJSON.encode(alias)
        let query: PostgresQuery = if let expected = expectedRevision {
            """
            UPDATE function_aliases SET revision_id = \(alias.revisionId), document = \(document)::json
            WHERE function_name = \(functionName) AND name = \(alias.name) AND revision_id = \(expected) RETURNING name
            """
        } else {
            // Selecting from functions makes a missing function insert nothing rather than break the foreign key.
            """
            INSERT INTO function_aliases (function_name, name, revision_id, document)
            SELECT name, \(alias.name), \(alias.revisionId), \(document)::json FROM functions WHERE name = \(functionName)
            ON CONFLICT DO NOTHING RETURNING name
            """
        }
        return try await changed(query)
    }

    /// Deletes an alias.
    public func deleteAlias(functionName: String, name: String) async throws -> Bool {
        try await changed("DELETE FROM function_aliases WHERE function_name = \(functionName) AND name = \(name) RETURNING name")
    }

    // MARK: Helpers

    private func documents<T: Decodable>(_ type: T.Type, _ query: PostgresQuery) async throws -> [T] {
        var result: [T] = []
        for try await json in try await client.query(query, logger: logger).decode(String.self) {
            result.append(try StoreJSON.decode(type, from: json))
        }
        return result
    }

    /// Runs a statement with `RETURNING` and answers whether it touched a row.
    private func changed(_ query: PostgresQuery) async throws -> Bool {
        var touched = false
        for try await _ in try await client.query(query, logger: logger).decode(String.self) { touched = true }
        return touched
    }

    /// PostgreSQL's LIMIT is a BIGINT; `Int.max` means no limit.
    static func sqlLimit(_ limit: Int) -> Int64 { Int64(max(limit, 0)) }
}
