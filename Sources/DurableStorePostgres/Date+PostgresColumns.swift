import Foundation

extension Date {
    /// The value of a DOUBLE PRECISION `*_at` column: seconds since Foundation's reference date (2001-01-01Z).
    ///
    /// The SQLite store's representation: `Date`'s own, so a column reads back as exactly the instant
    /// written and SQL comparisons agree with `Date` comparisons (a `timestamptz` keeps only microseconds).
    var columnSeconds: Double { timeIntervalSinceReferenceDate }

    /// Creates a date from a `*_at` column.
    init(columnSeconds: Double) { self.init(timeIntervalSinceReferenceDate: columnSeconds) }

    /// Rounded epoch milliseconds: the listing order and marker key, identical to the other stores' cursors.
    var epochMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
