extension Duration {
    /// `minutes` minutes.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(minutes * 60) }
    /// `hours` hours.
    public static func hours(_ hours: Int) -> Duration { .seconds(hours * 3600) }
    /// `days` days.
    public static func days(_ days: Int) -> Duration { .seconds(days * 86_400) }

    /// The duration in seconds as a floating-point number.
    var durableSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration when it is a whole number of seconds, else nil.
    var wholeSeconds: Int? {
        let (seconds, attoseconds) = components
        return attoseconds == 0 ? Int(seconds) : nil
    }

    /// Rounded up to whole seconds (the wire only carries integers).
    var ceilSeconds: Int {
        Int(durableSeconds.rounded(.up))
    }
}
