/// A chained-invoke target as the handler named it, before resolution.
struct ChainedTargetKey: Hashable, Sendable {
    var name: String
    var qualifier: String?
}
