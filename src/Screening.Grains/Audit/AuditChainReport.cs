namespace Screening.Grains.Audit;

/// <summary>Result of checking one tenant's hash chain.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Intact">True when every retained record verifies and links to the one before, and the chain head matches the last record.</param>
/// <param name="RecordsChecked">Records verified before the first break (all of them when intact).</param>
/// <param name="RetainedFromSequence">First sequence number still kept (earlier records were removed by retention); 1 when none were removed.</param>
/// <param name="HeadSequence">Sequence number of the chain head (the last committed record).</param>
/// <param name="HeadHash">Lower-case hex hash of the chain head.</param>
/// <param name="FirstBreak">The first break, or null when intact.</param>
public sealed record AuditChainReport(
    string TenantId,
    bool Intact,
    long RecordsChecked,
    long RetainedFromSequence,
    long HeadSequence,
    string HeadHash,
    AuditChainBreak? FirstBreak);
