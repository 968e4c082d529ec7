import Durable
import DurableHosting
import DurableServer
import DurableWorker

/// The workloads' durable functions. Step bodies are trivial, so what is measured is the engine's cost.
///
/// Each is defined once and either hosted in the service's process (`register`) or served by a
/// Runtime API worker process (`workerFunctions`), so both configurations run the same code.
enum BenchFunctions {
    /// Every workload function's name.
    static let names = ["w1", "w2", "w3", "w4", "w5", "w6", "w6h"]

    /// Hosts every workload function on `engine`; W5 records side effects in `sideEffects`, W6 hands
    /// its callback ids to `callbacks`.
    static func register(on engine: DurableEngine, invoker: InProcessInvoker, sideEffects: SideEffectLog? = nil,
                         callbacks: CallbackCollector? = nil) {
        engine.host(w1, on: invoker)
        engine.host(w2, on: invoker)
        engine.host(w3, on: invoker)
        engine.host(w4, on: invoker)
        engine.host(w5(sideEffects: sideEffects), on: invoker)
        engine.host(w6(callbacks: callbacks), on: invoker)
        engine.host(w6h(callbacks: callbacks), on: invoker)
    }

    /// Registers the workload functions without handlers: Runtime API workers (`durable-bench worker`) run them.
    static func registerForWorkers(on engine: DurableEngine) {
        for name in names { engine.register(FunctionConfiguration(name: name)) }
    }

    /// The functions named in `selected` for a `DurableWorker`, each with `concurrency` slots. W6's
    /// callback ids stay in the worker, so only W1–W5 are offered.
    static func workerFunctions(_ selected: Set<String>, concurrency: Int, sideEffects: SideEffectLog? = nil) -> [WorkerFunction] {
        var functions: [WorkerFunction] = []
        if selected.contains("w1") { functions.append(WorkerFunction(w1, concurrency: concurrency)) }
        if selected.contains("w2") { functions.append(WorkerFunction(w2, concurrency: concurrency)) }
        if selected.contains("w3") { functions.append(WorkerFunction(w3, concurrency: concurrency)) }
        if selected.contains("w4") { functions.append(WorkerFunction(w4, concurrency: concurrency)) }
        if selected.contains("w5") { functions.append(WorkerFunction(w5(sideEffects: sideEffects), concurrency: concurrency)) }
        return functions
    }

    /// W1 and the W6 history: `n` sequential steps.
    static let w1 = DurableClosureFunction<Int, Int>(name: "w1") { count, context in
        var sum = 0
        for index in 0..<count { sum += try await context.step("s\(index)") { index } }
        return sum
    }

    /// W2: ten sequential steps.
    static let w2 = DurableClosureFunction<Int, Int>(name: "w2") { _, context in
        var sum = 0
        for index in 0..<10 { sum += try await context.step("s\(index)") { index } }
        return sum
    }

    /// W3: a map over `n` items, one step each.
    static let w3 = DurableClosureFunction<Int, Int>(name: "w3") { count, context in
        let result = try await context.map("items", Array(0..<count)) { child, item, _ in
            try await child.step("item") { item }
        }
        return try result.values().count
    }

    /// W4: a one-second durable wait, then one step.
    static let w4 = DurableClosureFunction<Int, Int>(name: "w4") { value, context in
        try await context.wait("pause", for: .seconds(1))
        return try await context.step("after") { value }
    }

    /// W5: twenty steps, each leaving a side effect in the log before its result is checkpointed.
    static func w5(sideEffects: SideEffectLog?) -> DurableClosureFunction<String, Int> {
        DurableClosureFunction(name: "w5") { key, context in
            for index in 0..<20 {
                try await context.step("s\(index)") { _ in sideEffects?.record(key: key, step: "s\(index)") }
            }
            return 20
        }
    }

    /// W6: suspended on a callback; the id goes to the driver.
    static func w6(callbacks: CallbackCollector?) -> DurableClosureFunction<String, String> {
        DurableClosureFunction(name: "w6") { key, context in
            try await context.waitForCallback("cb", as: String.self) { id, _ in callbacks?.add(key: key, id: id) }
        }
    }

    /// W6 resume: `n` steps of history, then a callback.
    static func w6h(callbacks: CallbackCollector?) -> DurableClosureFunction<W6History, String> {
        DurableClosureFunction(name: "w6h") { input, context in
            for index in 0..<input.steps { _ = try await context.step("s\(index)") { index } }
            return try await context.waitForCallback("cb", as: String.self) { id, _ in callbacks?.add(key: input.key, id: id) }
        }
    }
}

/// The input of `w6h`: the callback key and how many steps precede the callback.
struct W6History: Codable, Sendable {
    var key: String
    var steps: Int
}
