import DurableModel

/// The wire `Operation`, named explicitly because Foundation also exports an `Operation`.
typealias Operation = DurableModel.Operation
