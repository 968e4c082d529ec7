import DurableModel
import Synchronization

/// The in-memory store's functions, versions and aliases.
final class InMemoryFunctionTables: Sendable {
    struct Tables {
        var functions: [String: StoredFunction] = [:]
        var versions: [String: [Int: LambdaFunctionConfiguration]] = [:]
        var aliases: [String: [String: AliasConfiguration]] = [:]
    }

    let tables = Mutex(Tables())
}

extension InMemoryExecutionStore: FunctionStore {
    /// The function called `name`.
    public func function(named name: String) async throws -> StoredFunction? {
        functionTables.tables.withLock { $0.functions[name] }
    }

    /// Functions ordered by name after `name`.
    public func functions(after name: String?, limit: Int) async throws -> [StoredFunction] {
        functionTables.tables.withLock { t in
            Array(t.functions.values.filter { name == nil || $0.name > name! }.sorted { $0.name < $1.name }.prefix(limit))
        }
    }

    /// Inserts or conditionally replaces a function.
    public func putFunction(_ function: StoredFunction, expectedGeneration: Int?) async throws -> Bool {
        functionTables.tables.withLock { t in
            guard t.functions[function.name]?.generation == expectedGeneration else { return false }
            t.functions[function.name] = function
            return true
        }
    }

    /// Deletes a function with its versions and aliases.
    public func deleteFunction(named name: String) async throws -> Bool {
        functionTables.tables.withLock { t in
            t.versions[name] = nil
            t.aliases[name] = nil
            return t.functions.removeValue(forKey: name) != nil
        }
    }

    /// Stores a version and advances its function atomically.
    public func publishVersion(_ version: LambdaFunctionConfiguration, function: StoredFunction, expectedGeneration: Int) async throws -> Bool {
        functionTables.tables.withLock { t in
            guard t.functions[function.name]?.generation == expectedGeneration, let number = Int(version.version),
                  t.versions[function.name]?[number] == nil else { return false }
            t.functions[function.name] = function
            t.versions[function.name, default: [:]][number] = version
            return true
        }
    }

    /// One published version.
    public func version(functionName: String, number: Int) async throws -> LambdaFunctionConfiguration? {
        functionTables.tables.withLock { $0.versions[functionName]?[number] }
    }

    /// Published versions in ascending order.
    public func versions(functionName: String, after number: Int?, limit: Int) async throws -> [LambdaFunctionConfiguration] {
        functionTables.tables.withLock { t in
            let all = t.versions[functionName] ?? [:]
            return all.keys.sorted().filter { number == nil || $0 > number! }.prefix(limit).map { all[$0]! }
        }
    }

    /// Deletes one published version.
    public func deleteVersion(functionName: String, number: Int) async throws -> Bool {
        functionTables.tables.withLock { $0.versions[functionName]?.removeValue(forKey: number) != nil }
    }

    /// One alias.
    public func alias(functionName: String, name: String) async throws -> AliasConfiguration? {
        functionTables.tables.withLock { $0.aliases[functionName]?[name] }
    }

    /// Aliases ordered by name.
    public func aliases(functionName: String, after name: String?, limit: Int) async throws -> [AliasConfiguration] {
        functionTables.tables.withLock { t in
            Array((t.aliases[functionName] ?? [:]).values.filter { name == nil || $0.name > name! }.sorted { $0.name < $1.name }.prefix(limit))
        }
    }

    /// Inserts or conditionally replaces an alias.
    public func putAlias(_ alias: AliasConfiguration, functionName: String, expectedRevision: String?) async throws -> Bool {
        functionTables.tables.withLock { t in
            guard t.functions[functionName] != nil, t.aliases[functionName]?[alias.name]?.revisionId == expectedRevision else { return false }
            t.aliases[functionName, default: [:]][alias.name] = alias
            return true
        }
    }

    /// Deletes an alias.
    public func deleteAlias(functionName: String, name: String) async throws -> Bool {
        functionTables.tables.withLock { $0.aliases[functionName]?.removeValue(forKey: name) != nil }
    }
}
