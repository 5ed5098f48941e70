namespace Screening.Grains.Audit;

/// <summary>One page of a query.</summary>
/// <param name="Items">Records, newest first.</param>
/// <param name="NextPageToken">Token for the next page; null when this is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditSummary> Items, string? NextPageToken);
