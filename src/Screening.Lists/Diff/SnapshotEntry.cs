namespace Screening.Lists.Diff;

/// <summary>What the current version of a list knows of one designation: its fingerprint and whether it is in force or delisted.</summary>
public sealed record SnapshotEntry(string SourceId, DesignationFingerprint Fingerprint, bool InForce);
