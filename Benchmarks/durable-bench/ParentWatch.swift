import Foundation
import ServiceLifecycle

/// Ends this process when the driver that started it is gone, so a driver killed mid-run (run.py's
/// timeout sends SIGKILL) leaves no service or worker behind to load the machine during later runs.
/// Foundation starts each child in a process group of its own, so the driver's group is no help.
struct ParentWatch: Service {
    /// The driver's process id when this process started.
    let parent = getppid()

    /// Checks twice a second until graceful shutdown; kills this process once its parent changed.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while getppid() == parent { try await Task.sleep(for: .milliseconds(500)) }
            kill(getpid(), SIGKILL)
        }
    }
}
