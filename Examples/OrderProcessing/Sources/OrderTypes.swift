/// An order to process.
public struct Order: Codable, Sendable, Equatable {
    /// The order id.
    public var orderId: String
    /// The stock-keeping unit ordered.
    public var sku: String
    /// How many.
    public var quantity: Int
    /// The amount to charge, in cents.
    public var amountCents: Int

    /// Creates an order.
    public init(orderId: String, sku: String, quantity: Int, amountCents: Int) {
        self.orderId = orderId
        self.sku = sku
        self.quantity = quantity
        self.amountCents = amountCents
    }
}

/// What the workflow returns: `{"status":"Completed","orderId":...}`.
public struct OrderResult: Codable, Sendable, Equatable {
    /// Always `Completed` for a finished order.
    public var status: String
    /// The order id.
    public var orderId: String
    /// The carrier's tracking number.
    public var trackingNumber: String?

    /// Creates a result.
    public init(status: String, orderId: String, trackingNumber: String?) {
        self.status = status
        self.orderId = orderId
        self.trackingNumber = trackingNumber
    }
}

/// Stock reserved for an order.
public struct Reservation: Codable, Sendable, Equatable {
    /// The reservation id.
    public var reservationId: String
    /// Creates a reservation.
    public init(reservationId: String) { self.reservationId = reservationId }
}

/// A payment taken for an order.
public struct Payment: Codable, Sendable, Equatable {
    /// The payment id.
    public var paymentId: String
    /// Creates a payment.
    public init(paymentId: String) { self.paymentId = paymentId }
}

/// The body the warehouse sends to the `ShippingConfirmed` callback.
public struct ShippingConfirmation: Codable, Sendable, Equatable {
    /// The carrier's tracking number.
    public var trackingNumber: String
    /// Creates a confirmation.
    public init(trackingNumber: String) { self.trackingNumber = trackingNumber }
}

/// The order cannot be filled: the execution fails with this error, never retried.
public struct OutOfStockError: Error, Codable, Sendable, CustomStringConvertible {
    /// The SKU that ran out.
    public var sku: String
    /// How many were asked for.
    public var requested: Int
    /// How many are left.
    public var available: Int
    /// Creates the error.
    public init(sku: String, requested: Int, available: Int) {
        self.sku = sku
        self.requested = requested
        self.available = available
    }
    public var description: String { "Out of stock: \(sku) requested \(requested), available \(available)" }
}

/// The payment provider declined or failed; retried by the payment step's strategy.
public struct PaymentError: Error, Sendable, CustomStringConvertible {
    /// Why.
    public var reason: String
    /// Creates the error.
    public init(reason: String) { self.reason = reason }
    public var description: String { "Payment failed: \(reason)" }
}
