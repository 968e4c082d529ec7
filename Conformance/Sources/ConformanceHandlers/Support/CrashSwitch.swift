import DurableModel
import Synchronization

/// Simulates a Lambda runtime crash (`process.exit`) of a handler hosted in process.
///
/// The catalog hosts a crashing handler behind a wrapper that arms the switch for each
/// invocation; `crash()` makes that invocation end at once with `Runtime.ExitError` (as a dead
/// Lambda process is reported) while the handler's own task is left suspended forever.
public final class CrashSwitch: Sendable {
    private let armed = Mutex<AsyncStream<Void>.Continuation?>(nil)

    /// Creates a disarmed switch.
    public init() {}

    /// Arms the switch for one invocation; the stream yields when the handler crashes.
    func arm() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        armed.withLock { current in
            current?.finish()
            current = continuation
        }
        return stream
    }

    /// Ends the current invocation as crashed; never returns.
    public func crash() async -> Never {
        armed.withLock { current in
            current?.yield(())
            current?.finish()
            current = nil
        }
        while true {
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
        }
    }

    /// The error the host reports for a crashed invocation.
    static var exitError: ErrorObject {
        ErrorObject(errorType: "Runtime.ExitError", errorMessage: "Runtime exited with error: exit status 1")
    }
}
