import Foundation

extension Date {
    /// The value of a REAL `*_at` column: seconds since Foundation's reference date (2001-01-01Z).
    ///
    /// That is `Date`'s own representation, so a column reads back as exactly the instant written and
    /// SQL comparisons agree with `Date` comparisons; Unix epoch seconds would drop the lowest bit of
    /// some instants in the conversion. For humans: `datetime(due_at + 978307200, 'unixepoch')`.
    var columnSeconds: Double { timeIntervalSinceReferenceDate }

    /// Creates a date from a REAL `*_at` column.
    init(columnSeconds: Double) { self.init(timeIntervalSinceReferenceDate: columnSeconds) }

    /// Rounded epoch milliseconds: the listing order and marker key, identical to the in-memory store's cursor.
    var epochMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
