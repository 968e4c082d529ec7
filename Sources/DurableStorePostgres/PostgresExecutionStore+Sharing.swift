import DurableModel
import DurableServer
import Foundation
import PostgresNIO

extension PostgresExecutionStore: SharedWorkStore {
    /// The channel nodes announce new work on.
    static let workChannel = "durable_work"

    /// Leases claimable executions with `FOR UPDATE SKIP LOCKED`, so concurrent claimers never wait on
    /// or take each other's rows.
    public func claimInvocations(owner: String, limit: Int, lease: Duration) async throws -> [InvocationClaim] {
        guard limit > 0 else { return [] }
        // The inner predicate is `executions_awaiting`'s, so the scan stays on that partial index.
        let rows = try await client.query("""
            WITH picked AS (
                SELECT arn FROM executions
                WHERE status = 'RUNNING' AND invocation_phase <> 'idle'
                    AND (lease_expires_at IS NULL OR lease_expires_at < EXTRACT(EPOCH FROM clock_timestamp()))
                ORDER BY started_at, arn
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE executions e
            SET lease_owner = \(owner), lease_expires_at = EXTRACT(EPOCH FROM clock_timestamp()) + \(lease.secondsValue)
            FROM picked WHERE e.arn = picked.arn
            RETURNING e.arn, e.invocation_phase
            """, logger: logger)
        var claims: [InvocationClaim] = []
        for try await (arn, phase) in rows.decode((String, String).self) {
            claims.append(InvocationClaim(executionArn: arn, interrupted: phase == InvocationPhase.running.rawValue))
        }
        return claims
    }

    /// Extends the owner's leases that are still its own.
    public func renewLeases(owner: String, executionArns: [String], lease: Duration) async throws -> Set<String> {
        guard !executionArns.isEmpty else { return [] }
        let rows = try await client.query("""
            UPDATE executions SET lease_expires_at = EXTRACT(EPOCH FROM clock_timestamp()) + \(lease.secondsValue)
            WHERE arn = ANY(\(executionArns)) AND lease_owner = \(owner)
            RETURNING arn
            """, logger: logger)
        var kept: Set<String> = []
        for try await arn in rows.decode(String.self) { kept.insert(arn) }
        return kept
    }

    /// Clears the owner's lease on the execution, if it still holds it.
    public func releaseLease(owner: String, executionArn: String) async throws {
        try await client.query("""
            UPDATE executions SET lease_owner = NULL, lease_expires_at = NULL
            WHERE arn = \(executionArn) AND lease_owner = \(owner)
            """, logger: logger)
    }

    /// Leases due timers that no live lease holds, earliest first.
    public func claimDueTimers(owner: String, at now: Date, limit: Int, lease: Duration) async throws -> [DurableTimer] {
        guard limit > 0 else { return [] }
        let rows = try await client.query("""
            WITH picked AS (
                SELECT execution_arn, kind, operation_id FROM timers
                WHERE due_at <= \(now.columnSeconds)
                    AND (lease_expires_at IS NULL OR lease_expires_at < EXTRACT(EPOCH FROM clock_timestamp()))
                ORDER BY due_at
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE timers t
            SET lease_owner = \(owner), lease_expires_at = EXTRACT(EPOCH FROM clock_timestamp()) + \(lease.secondsValue)
            FROM picked
            WHERE t.execution_arn = picked.execution_arn AND t.kind = picked.kind AND t.operation_id = picked.operation_id
            RETURNING t.execution_arn, t.kind, t.operation_id, t.due_at
            """, logger: logger)
        var timers: [DurableTimer] = []
        for try await (arn, kindName, operationId, dueAt) in rows.decode((String, String, String, Double).self) {
            guard let kind = TimerKind(rawValue: kindName) else {
                throw DurableServiceError.service("Unknown timer kind '\(kindName)' in the timers table")
            }
            timers.append(DurableTimer(executionArn: arn, kind: kind, operationId: operationId.isEmpty ? nil : operationId,
                                       dueAt: Date(columnSeconds: dueAt)))
        }
        return timers.sorted { $0.dueAt < $1.dueAt }
    }

    /// The earliest due date among timers whose lease is absent or over.
    public func nextUnclaimedTimerDate() async throws -> Date? {
        var next: Double?
        for try await due in try await client.query("""
            SELECT MIN(due_at) FROM timers
            WHERE lease_expires_at IS NULL OR lease_expires_at < EXTRACT(EPOCH FROM clock_timestamp())
            """, logger: logger).decode(Double?.self) {
            next = due
        }
        return next.map(Date.init(columnSeconds:))
    }

    /// `NOTIFY durable_work`.
    public func announceWork() async throws {
        try await client.query("SELECT pg_notify(\(Self.workChannel), '')", logger: logger)
    }

    /// Holds one pooled connection in `LISTEN durable_work` and calls `wake` per notification.
    public func listenForWork(_ wake: @escaping @Sendable () -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.workChannel) { notifications in
                // A listener that just (re)started may have missed announcements: look once anyway.
                wake()
                for try await _ in notifications { wake() }
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, for SQL arithmetic on epoch seconds.
    var secondsValue: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
