import Foundation
import Synchronization

/// The systems the order workflow calls; each is a protocol so tests and demos can supply their own.
public struct OrderServices: Sendable {
    /// Reserves stock.
    public var inventory: any InventoryService
    /// Charges the customer.
    public var payments: any PaymentService
    /// Asks the warehouse to ship and to call back.
    public var shipping: any ShippingService
    /// Tells the customer.
    public var notifier: any NotificationService

    /// Creates the set of services.
    public init(inventory: any InventoryService, payments: any PaymentService, shipping: any ShippingService, notifier: any NotificationService) {
        self.inventory = inventory
        self.payments = payments
        self.shipping = shipping
        self.notifier = notifier
    }

    /// In-memory stand-ins that always succeed, used by `durable serve`'s demo function.
    public static var demo: OrderServices {
        let log = DemoLog()
        return OrderServices(inventory: log, payments: log, shipping: log, notifier: log)
    }
}

/// Reserves stock for an order.
public protocol InventoryService: Sendable {
    /// Reserves `quantity` of `sku`, or throws `OutOfStockError`.
    func reserve(sku: String, quantity: Int) async throws -> Reservation
}

/// Takes payment.
public protocol PaymentService: Sendable {
    /// Charges the order; `attempt` is 1-based.
    func charge(orderId: String, amountCents: Int, attempt: Int) async throws -> Payment
}

/// Arranges shipping.
public protocol ShippingService: Sendable {
    /// Asks the warehouse to ship and to complete `callbackId` when it has.
    func requestShipment(orderId: String, reservationId: String, callbackId: String) async throws
}

/// Notifies the customer.
public protocol NotificationService: Sendable {
    /// Sends `message` about `orderId`.
    func notify(orderId: String, message: String) async throws
}

/// The demo services: stock of anything but the SKU `OUT-OF-STOCK`; payments that succeed, except
/// that orders whose id starts with `flaky` fail their first two payment attempts.
///
/// When `DURABLE_SIDE_EFFECTS` names a file, every side effect appends one JSON line
/// `{"pid":…,"orderId":…,"effect":…,"attempt":…}` to it, so crash tests can count what ran where.
final class DemoLog: InventoryService, PaymentService, ShippingService, NotificationService {
    let effectsPath = ProcessInfo.processInfo.environment["DURABLE_SIDE_EFFECTS"]

    func reserve(sku: String, quantity: Int) async throws -> Reservation {
        if sku == "OUT-OF-STOCK" { throw OutOfStockError(sku: sku, requested: quantity, available: 0) }
        return Reservation(reservationId: "res-\(sku)-\(quantity)")
    }

    func charge(orderId: String, amountCents: Int, attempt: Int) async throws -> Payment {
        record(orderId: orderId, effect: "charge", attempt: attempt)
        if orderId.hasPrefix("flaky"), attempt <= 2 { throw PaymentError(reason: "gateway timeout") }
        return Payment(paymentId: "pay-\(orderId)")
    }

    func requestShipment(orderId: String, reservationId: String, callbackId: String) async throws {
        record(orderId: orderId, effect: "ship", attempt: 1)
        if effectsPath == nil {
            print("shipping requested for \(orderId); confirm with: durable callback succeed \(callbackId) --result '{\"trackingNumber\":\"1Z999\"}'")
        }
    }

    func notify(orderId: String, message: String) async throws {
        record(orderId: orderId, effect: "notify", attempt: 1)
        if effectsPath == nil { print(message) }
    }

    /// Appends one side-effect line; `O_APPEND` keeps concurrent lines whole.
    func record(orderId: String, effect: String, attempt: Int) {
        guard let effectsPath else { return }
        let line = "{\"pid\":\(getpid()),\"orderId\":\"\(orderId)\",\"effect\":\"\(effect)\",\"attempt\":\(attempt)}\n"
        let fd = open(effectsPath, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { return }
        _ = line.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }
}
