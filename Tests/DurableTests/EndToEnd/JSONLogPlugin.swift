import Durable
import DurableModel

/// Logs one JSON record per invocation hook through the invocation's logger.
struct JSONLogPlugin: DurablePlugin {
    func invocationStart(_ info: InvocationStartInfo) async throws {
        info.logger.info("{\"hook\":\"invocation-start\",\"first\":\(info.isFirstInvocation)}")
    }

    func invocationEnd(_ info: InvocationEndInfo) async throws {
        info.logger.info("{\"hook\":\"invocation-end\",\"status\":\"\(info.status.rawValue)\"}")
    }

    func attemptStart(_ info: AttemptInfo) async throws {
        info.logger.info("{\"hook\":\"attempt-start\",\"n\":\(info.attempt)}")
    }
}
