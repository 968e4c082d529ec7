import Durable
import Foundation

/// The order workflow: check inventory, take payment (3 attempts), wait up to 7 days for the
/// shipping confirmation callback, notify the customer.
public struct OrderWorkflow: DurableFunction {
    /// The function name the service hosts it under.
    public static var name: String { "order-processing" }

    /// The outside world the workflow talks to; tests pass counting fakes, the service the real ones.
    public let services: OrderServices

    /// Creates the workflow over `services`.
    public init(services: OrderServices = .demo) {
        self.services = services
    }

    /// Runs one order to its end.
    public func run(_ order: Order, context: DurableContext) async throws -> OrderResult {
        let services = self.services
        let reservation = try await context.step("CheckInventory", configuration: .init(retryStrategy: .none)) { step in
            step.logger.info("checking stock", metadata: ["sku": "\(order.sku)", "quantity": "\(order.quantity)"])
            return try await services.inventory.reserve(sku: order.sku, quantity: order.quantity)
        }

        let payment = try await context.step(
            "ProcessPayment",
            configuration: .init(retryStrategy: .exponential(maxAttempts: 3, initialDelay: .seconds(2), maxDelay: .seconds(30), backoffRate: 2, jitter: .none))
        ) { step in
            try await services.payments.charge(orderId: order.orderId, amountCents: order.amountCents, attempt: step.attempt)
        }

        let shipment = try await context.waitForCallback(
            "ShippingConfirmed", as: ShippingConfirmation.self,
            configuration: .init(timeout: .days(7))
        ) { callbackId, step in
            try await services.shipping.requestShipment(orderId: order.orderId, reservationId: reservation.reservationId, callbackId: callbackId)
        }

        try await context.step("SendNotification") { _ in
            try await services.notifier.notify(orderId: order.orderId, message: "Order \(order.orderId) shipped: \(shipment.trackingNumber)")
        }

        context.logger.info("order completed", metadata: ["orderId": "\(order.orderId)", "paymentId": "\(payment.paymentId)"])
        return OrderResult(status: "Completed", orderId: order.orderId, trackingNumber: shipment.trackingNumber)
    }
}
