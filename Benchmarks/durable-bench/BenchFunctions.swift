import Durable
import DurableHosting
import DurableServer

/// The workloads' durable functions. Step bodies are trivial, so what is measured is the engine's cost.
enum BenchFunctions {
    /// Hosts every workload function on `engine`; W5 records side effects in `sideEffects`, W6 hands
    /// its callback ids to `callbacks`.
    static func register(on engine: DurableEngine, invoker: InProcessInvoker, sideEffects: SideEffectLog? = nil,
                         callbacks: CallbackCollector? = nil) {
        // W1 and the W6 history: `n` sequential steps.
        engine.host(DurableClosureFunction<Int, Int>(name: "w1") { count, context in
            var sum = 0
            for index in 0..<count { sum += try await context.step("s\(index)") { index } }
            return sum
        }, on: invoker)
        // W2: ten sequential steps.
        engine.host(DurableClosureFunction<Int, Int>(name: "w2") { _, context in
            var sum = 0
            for index in 0..<10 { sum += try await context.step("s\(index)") { index } }
            return sum
        }, on: invoker)
        // W3: a map over `n` items, one step each.
        engine.host(DurableClosureFunction<Int, Int>(name: "w3") { count, context in
            let result = try await context.map("items", Array(0..<count)) { child, item, _ in
                try await child.step("item") { item }
            }
            return try result.values().count
        }, on: invoker)
        // W4: a one-second durable wait, then one step.
        engine.host(DurableClosureFunction<Int, Int>(name: "w4") { value, context in
            try await context.wait("pause", for: .seconds(1))
            return try await context.step("after") { value }
        }, on: invoker)
        // W5: twenty steps, each leaving a side effect in the log before its result is checkpointed.
        engine.host(DurableClosureFunction<String, Int>(name: "w5") { key, context in
            for index in 0..<20 {
                try await context.step("s\(index)") { _ in sideEffects?.record(key: key, step: "s\(index)") }
            }
            return 20
        }, on: invoker)
        // W6: suspended on a callback; the id goes to the driver.
        engine.host(DurableClosureFunction<String, String>(name: "w6") { key, context in
            try await context.waitForCallback("cb", as: String.self) { id, _ in callbacks?.add(key: key, id: id) }
        }, on: invoker)
        // W6 resume: `n` steps of history, then a callback.
        engine.host(DurableClosureFunction<W6History, String>(name: "w6h") { input, context in
            for index in 0..<input.steps { _ = try await context.step("s\(index)") { index } }
            return try await context.waitForCallback("cb", as: String.self) { id, _ in callbacks?.add(key: input.key, id: id) }
        }, on: invoker)
    }
}

/// The input of `w6h`: the callback key and how many steps precede the callback.
struct W6History: Codable, Sendable {
    var key: String
    var steps: Int
}
