import Durable
import DurableModel
import DurableTesting
import Foundation
import OrderProcessing
import Synchronization
import Testing

/// Counting stand-ins for the order workflow's services.
final class FakeServices: InventoryService, PaymentService, ShippingService, NotificationService {
    struct Counts: Sendable {
        var reserve = 0
        var charge = 0
        var shipments = 0
        var notifications: [String] = []
    }
    let counts = Mutex(Counts())
    let stock: Int
    let paymentFailures: Int

    init(stock: Int = 10, paymentFailures: Int = 0) {
        self.stock = stock
        self.paymentFailures = paymentFailures
    }

    var services: OrderServices { OrderServices(inventory: self, payments: self, shipping: self, notifier: self) }

    func reserve(sku: String, quantity: Int) async throws -> Reservation {
        counts.withLock { $0.reserve += 1 }
        guard quantity <= stock else { throw OutOfStockError(sku: sku, requested: quantity, available: stock) }
        return Reservation(reservationId: "r-\(sku)")
    }

    func charge(orderId: String, amountCents: Int, attempt: Int) async throws -> Payment {
        let call = counts.withLock { $0.charge += 1; return $0.charge }
        if call <= paymentFailures { throw PaymentError(reason: "gateway timeout on attempt \(attempt)") }
        return Payment(paymentId: "p-\(orderId)")
    }

    func requestShipment(orderId: String, reservationId: String, callbackId: String) async throws {
        counts.withLock { $0.shipments += 1 }
    }

    func notify(orderId: String, message: String) async throws {
        counts.withLock { $0.notifications.append(message) }
    }
}

@Suite("Order workflow")
struct OrderWorkflowTests {
    let order = Order(orderId: "order-42", sku: "WIDGET", quantity: 2, amountCents: 1999)

    @Test("Happy path: shipping confirmed, notification sent, every step ran once")
    func happyPath() async throws {
        let fake = FakeServices()
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(OrderWorkflow(services: fake.services), input: order)
            let callbackId = try await execution.waitForCallback(named: "ShippingConfirmed")
            try await execution.succeedCallback(callbackId, result: ShippingConfirmation(trackingNumber: "1Z999"))
            let result = try await execution.result()
            #expect(result == OrderResult(status: "Completed", orderId: "order-42", trackingNumber: "1Z999"))
            let history = try await execution.history()
            #expect(history.first?.eventType == .executionStarted)
            #expect(history.last?.eventType == .executionSucceeded)
            #expect(history.contains { $0.eventType == .callbackSucceeded })
            #expect(history.contains { $0.eventType == .contextSucceeded && $0.name == "ShippingConfirmed" })
        }
        let counts = fake.counts.withLock { $0 }
        #expect(counts.reserve == 1)
        #expect(counts.charge == 1)
        #expect(counts.shipments == 1)
        #expect(counts.notifications == ["Order order-42 shipped: 1Z999"])
    }

    @Test("Payment fails twice, then succeeds on the third attempt after the configured back-off")
    func paymentRetries() async throws {
        let fake = FakeServices(paymentFailures: 2)
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(OrderWorkflow(services: fake.services), input: order)
            let callbackId = try await execution.waitForCallback(named: "ShippingConfirmed")
            // Back-off without jitter: 2 s after the first failure, 4 s after the second.
            #expect(runner.clock.now().timeIntervalSince(start) == 6)
            try await execution.succeedCallback(callbackId, result: ShippingConfirmation(trackingNumber: "1Z1"))
            _ = try await execution.result()
            let failed = try await execution.history().filter { $0.eventType == .stepFailed && $0.name == "ProcessPayment" }
            #expect(failed.map { $0.details.retryDetails?.currentAttempt } == [1, 2])
            #expect(failed.map { $0.details.retryDetails?.nextAttemptDelaySeconds } == [2, 4])
        }
        let counts = fake.counts.withLock { $0 }
        #expect(counts.charge == 3)
        #expect(counts.reserve == 1)
        #expect(counts.shipments == 1)
    }

    @Test("Out of stock fails the execution with a clear error and charges nothing")
    func outOfStock() async throws {
        let fake = FakeServices(stock: 1)
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(OrderWorkflow(services: fake.services), input: order)
            let (status, error) = try await execution.failure()
            #expect(status == .failed)
            #expect(error?.errorType == "OutOfStockError")
            #expect(error?.errorMessage?.contains("Out of stock: WIDGET requested 2, available 1") == true)
        }
        #expect(fake.counts.withLock { $0.charge } == 0)
    }

    @Test("No shipping confirmation within 7 days times the callback out and fails the order")
    func noConfirmation() async throws {
        let fake = FakeServices()
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(OrderWorkflow(services: fake.services), input: order)
            let (status, error) = try await execution.failure()
            #expect(status == .failed)
            #expect(error?.errorType == "Callback.Timeout")
            #expect(runner.clock.now().timeIntervalSince(start) >= 7 * 86_400)
            let timedOut = try await execution.history().filter { $0.eventType == .callbackTimedOut }
            #expect(timedOut.count == 1)
        }
        #expect(fake.counts.withLock { $0.notifications.isEmpty })
        #expect(fake.counts.withLock { $0.charge } == 1)
    }
}
