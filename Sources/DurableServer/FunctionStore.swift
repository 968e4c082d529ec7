import DurableModel

/// Durable storage of Lambda functions, their published versions and aliases, beside the executions.
///
/// Writes are conditional so that two service nodes never lose each other's updates: a function
/// row carries a generation, an alias its revision id, and a write names the one it replaces
/// (nil: insert only). A refused write answers false; the caller re-reads and decides.
public protocol FunctionStore: Sendable {
    /// The function called `name`.
    func function(named name: String) async throws -> StoredFunction?
    /// Up to `limit` functions ordered by name, after `name` (exclusive) when given.
    func functions(after name: String?, limit: Int) async throws -> [StoredFunction]
    /// Inserts `function` (`expectedGeneration` nil, refused when the name is taken) or replaces the
    /// stored one whose generation is `expectedGeneration` (refused when it changed or is gone).
    func putFunction(_ function: StoredFunction, expectedGeneration: Int?) async throws -> Bool
    /// Deletes the function with its versions and aliases; false when there was none.
    func deleteFunction(named name: String) async throws -> Bool
    /// Stores `version` and replaces `function` (its counter advanced) in one transaction, when the
    /// stored function's generation is still `expectedGeneration`.
    func publishVersion(_ version: LambdaFunctionConfiguration, function: StoredFunction, expectedGeneration: Int) async throws -> Bool
    /// Published version `number` of `functionName`.
    func version(functionName: String, number: Int) async throws -> LambdaFunctionConfiguration?
    /// Up to `limit` published versions in ascending order, after `number` (exclusive) when given.
    func versions(functionName: String, after number: Int?, limit: Int) async throws -> [LambdaFunctionConfiguration]
    /// Deletes one published version; false when there was none.
    func deleteVersion(functionName: String, number: Int) async throws -> Bool
    /// The alias `name` of `functionName`.
    func alias(functionName: String, name: String) async throws -> AliasConfiguration?
    /// Up to `limit` aliases ordered by name, after `name` (exclusive) when given.
    func aliases(functionName: String, after name: String?, limit: Int) async throws -> [AliasConfiguration]
    /// Inserts `alias` (`expectedRevision` nil, refused when the name is taken) or replaces the stored
    /// one whose revision id is `expectedRevision`.
    func putAlias(_ alias: AliasConfiguration, functionName: String, expectedRevision: String?) async throws -> Bool
    /// Deletes an alias; false when there was none.
    func deleteAlias(functionName: String, name: String) async throws -> Bool
}
