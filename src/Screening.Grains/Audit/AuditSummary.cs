namespace Screening.Grains.Audit;

/// <summary>One row of a query result: an audit record without its request and response bodies.</summary>
/// <param name="ScreeningId">Screening id.</param>
/// <param name="TenantId">Tenant.</param>
/// <param name="ClientReference">The caller's reference.</param>
/// <param name="Decision"><see cref="AuditRecord.Clear"/> or <see cref="AuditRecord.PotentialMatch"/>.</param>
/// <param name="ListVersions">List versions used, <c>list@version</c> separated by commas.</param>
/// <param name="AsOf">As-of date.</param>
/// <param name="ScreenedAt">When it was answered (UTC).</param>
/// <param name="Sequence">Sequence number in the tenant's chain.</param>
public sealed record AuditSummary(
    string ScreeningId,
    string TenantId,
    string ClientReference,
    string Decision,
    string ListVersions,
    DateOnly AsOf,
    DateTimeOffset ScreenedAt,
    long Sequence);
