/// A test error with a fixed description.
struct ScriptedFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
