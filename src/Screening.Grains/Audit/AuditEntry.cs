namespace Screening.Grains.Audit;

/// <summary>A stored audit record with its place in the tenant's hash chain.</summary>
/// <param name="Record">The record as committed (screened-at in UTC, microsecond precision).</param>
/// <param name="Sequence">Sequence number in the tenant's chain.</param>
/// <param name="PreviousHash">Lower-case hex hash of the previous record (64 zeros for the first).</param>
/// <param name="Hash">Lower-case hex chain hash of this record.</param>
public sealed record AuditEntry(AuditRecord Record, long Sequence, string PreviousHash, string Hash);
