namespace Screening.Grains.Audit;

/// <summary>The first place where a tenant's hash chain does not hold.</summary>
/// <param name="Sequence">Sequence number of the broken link (for a missing record: the missing number).</param>
/// <param name="ScreeningId">Screening id of the record at or right after the break (empty when there is none).</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record AuditChainBreak(long Sequence, string ScreeningId, string Reason);
