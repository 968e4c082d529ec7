import DurableWorker
import Foundation
import Logging
import OrderProcessing

/// The order workflow in a process of its own: a Runtime API worker of `durable serve --function
/// order-processing:691200`, started as many times as the load needs.
///
/// Reads `AWS_LAMBDA_RUNTIME_API` (`HOST:PORT` or `HOST:PORT/functions/order-processing`) and
/// `AWS_ENDPOINT_URL_LAMBDA`; `ORDER_WORKER_CONCURRENCY` sets how many orders it runs at once.
@main
struct OrderWorker {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let concurrency = environment["ORDER_WORKER_CONCURRENCY"].flatMap(Int.init) ?? 4
        try await DurableWorker.run([WorkerFunction(OrderWorkflow(), concurrency: max(1, concurrency))])
    }
}
