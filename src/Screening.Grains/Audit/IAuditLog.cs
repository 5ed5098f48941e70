namespace Screening.Grains.Audit;

/// <summary>
/// The write side of the audit log: every screening answer is appended here before it is returned to the client.
/// One instance per silo (a singleton); safe for any number of concurrent callers.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends <paramref name="record"/> to its tenant's hash chain. Completes only after the record is durably
    /// committed in PostgreSQL. Fails with <see cref="Abstractions.Errors.PlatformException"/> code
    /// <see cref="Abstractions.Errors.PlatformErrorCode.Unavailable"/> when it could not be committed: the answer must
    /// then not be returned. Waits (backpressure) while the writer's queue is full.
    /// </summary>
    /// <param name="record">The answer to record.</param>
    /// <param name="ct">Stops waiting; the record may still be committed.</param>
    ValueTask<AuditReceipt> AppendAsync(AuditRecord record, CancellationToken ct);
}
