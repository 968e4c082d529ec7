import DurableServer
import DurableSQLite
import Foundation
import Logging

/// The engine, its store and the workload functions in this process, with its services running.
struct EngineHost: Sendable {
    let engine: DurableEngine
    let sqlite: SQLiteExecutionStore?
    let callbacks: CallbackCollector

    /// Builds the engine on SQLite at `databasePath` (durable: WAL, synchronous=FULL, as `durable serve`)
    /// or, when nil, on the in-memory store.
    init(databasePath: String?, sideEffects: SideEffectLog? = nil, maxConcurrentInvocations: Int = 64) throws {
        let store: any ExecutionStore
        if let databasePath {
            let sqlite = try SQLiteExecutionStore(path: databasePath)
            self.sqlite = sqlite
            store = sqlite
        } else {
            sqlite = nil
            store = InMemoryExecutionStore()
        }
        var logger = Logger(label: "durable-bench")
        logger.logLevel = .warning
        let invoker = InProcessInvoker()
        callbacks = CallbackCollector()
        engine = DurableEngine(store: store, invoker: invoker,
                               configuration: EngineConfiguration(maxConcurrentInvocations: maxConcurrentInvocations), logger: logger)
        BenchFunctions.register(on: engine, invoker: invoker, sideEffects: sideEffects, callbacks: callbacks)
    }

    /// Runs the engine's services (invocations, timers) while `body` runs.
    func running<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        try await DurableEngine.running(engine.makeServices(), body)
    }
}
