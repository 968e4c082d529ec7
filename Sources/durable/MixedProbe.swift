import Durable
import Foundation

/// A probe workflow for multi-node tests: a step, a wait, a callback, a step. Each step's side effect
/// is logged with a fresh run id, which the step also returns, so a test can tell the run whose
/// result was recorded from runs that were lost to a crash.
struct MixedProbe: DurableFunction {
    static var name: String { "probe-mixed" }

    /// What one execution does.
    struct Input: Codable, Sendable {
        /// The execution's name, repeated in its side effects.
        var id: String
        /// How long the wait lasts.
        var waitSeconds: Int
    }

    /// The run ids of the two steps whose results were recorded, and the callback's result.
    struct Output: Codable, Sendable {
        var first: String
        var callback: String
        var last: String
    }

    func run(_ input: Input, context: DurableContext) async throws -> Output {
        let first = try await context.step("first") { () -> String in
            let run = UUID().uuidString
            SideEffectLog.record(execution: input.id, effect: "first", run: run)
            return run
        }
        try await context.wait("pause", for: .seconds(input.waitSeconds))
        let callback = try await context.waitForCallback("approval", as: String.self) { callbackId, _ in
            SideEffectLog.record(execution: input.id, effect: "submit", run: UUID().uuidString, callbackId: callbackId)
        }
        let last = try await context.step("last") { () -> String in
            let run = UUID().uuidString
            SideEffectLog.record(execution: input.id, effect: "last", run: run)
            return run
        }
        return Output(first: first, callback: callback, last: last)
    }
}
