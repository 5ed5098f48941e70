namespace Screening.Grains.Audit;

/// <summary>Proof that a record was committed: its place in the tenant's hash chain.</summary>
/// <param name="ScreeningId">The record's screening id.</param>
/// <param name="TenantId">The tenant whose chain holds it.</param>
/// <param name="Sequence">Its sequence number in the tenant's chain (1, 2, 3, ... without gaps).</param>
/// <param name="Hash">Its chain hash, lower-case hex SHA-256.</param>
public sealed record AuditReceipt(string ScreeningId, string TenantId, long Sequence, string Hash);
