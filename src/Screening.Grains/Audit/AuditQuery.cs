namespace Screening.Grains.Audit;

/// <summary>A search of one tenant's audit records, newest first.</summary>
/// <param name="TenantId">The tenant (required).</param>
/// <param name="From">Inclusive lower bound of screened-at, or none.</param>
/// <param name="To">Exclusive upper bound of screened-at, or none.</param>
/// <param name="Decision">Only this decision, or any.</param>
/// <param name="ClientReference">Only this client reference (exact), or any.</param>
/// <param name="PageSize">1..<see cref="MaxPageSize"/>.</param>
/// <param name="PageToken">The <see cref="AuditPage.NextPageToken"/> of the previous page, or none for the first page.</param>
public sealed record AuditQuery(
    string TenantId,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Decision = null,
    string? ClientReference = null,
    int PageSize = AuditQuery.DefaultPageSize,
    string? PageToken = null)
{
    /// <summary>Page size when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 1000;
}
