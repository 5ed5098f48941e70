namespace Screening.Grains.Audit;

/// <summary>The read side of the audit log. Every method is scoped to one tenant; callers check who may read it.</summary>
public interface IAuditReader
{
    /// <summary>The record of one answer, or null when the tenant has no record with that id.</summary>
    Task<AuditEntry?> GetAsync(string tenantId, string screeningId, CancellationToken ct);

    /// <summary>
    /// A page of the tenant's records matching <paramref name="query"/>, newest first. Fails with
    /// <see cref="Abstractions.Errors.PlatformErrorCode.InvalidArgument"/> for a malformed page token or page size.
    /// </summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken ct);

    /// <summary>
    /// Recomputes the tenant's hash chain over every retained record in sequence order and reports the first break:
    /// an altered record, a broken link, a missing or duplicated sequence number, or a head that does not match.
    /// </summary>
    Task<AuditChainReport> VerifyChainAsync(string tenantId, CancellationToken ct);
}
