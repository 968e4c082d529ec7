@testable import Durable
import DurableModel
import Foundation

/// The wire operation (Foundation also exports an `Operation`).
typealias Operation = DurableModel.Operation

/// Runs one invocation of `function` against `service`.
func invokeOnce<F: DurableFunction>(
    _ function: F, _ service: ScriptedService, configuration: DurableRuntimeConfiguration = .init()
) async -> InvocationOutput {
    await DurableRuntime.handle(function, input: await service.nextInvocation(), client: service, configuration: configuration)
}

/// Decodes a JSON result.
func decodeResult<T: Decodable>(_ output: InvocationOutput, as type: T.Type = T.self) throws -> T {
    try JSONDecoder().decode(T.self, from: Data((output.result ?? "null").utf8))
}
