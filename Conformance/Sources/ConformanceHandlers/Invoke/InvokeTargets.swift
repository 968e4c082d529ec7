import Durable
import DurableModel

/// The functions the invoke suite's handlers call, hosted next to them.
public enum InvokeTargets {
    /// Returns its input unchanged.
    public static let echo = "conformance-invoke-echo"
    /// Always fails.
    public static let failing = "conformance-invoke-failing"
    /// Accepts a large payload and reports its size.
    public static let large = "conformance-invoke-large"

    /// The echo target: a durable function returning its input.
    static var echoFunction: DurableClosureFunction<JSONValue, JSONValue> {
        DurableClosureFunction(name: echo) { input, _ in input }
    }

    /// The failing target: a durable function that throws.
    static var failingFunction: DurableClosureFunction<JSONValue, JSONValue> {
        DurableClosureFunction(name: failing) { _, _ in
            throw ErrorObject(errorType: "TargetError", errorMessage: "The invoked function failed")
        }
    }

    /// The large-payload target: returns the length of the `data` string it received.
    static var largeFunction: DurableClosureFunction<JSONValue, JSONValue> {
        DurableClosureFunction(name: large) { input, _ in
            .object(["receivedLength": .number(Double(input["data"]?.stringValue?.count ?? 0))])
        }
    }
}
