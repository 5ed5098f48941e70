using Screening.Lists.Model;

namespace Screening.Lists.History;

/// <summary>One change to one designation on one list: listed, amended, delisted or relisted.</summary>
public sealed record DesignationRevision
{
    public required string SourceId { get; init; }

    public required RevisionKind Kind { get; init; }

    /// <summary>The date from which the change has legal effect.</summary>
    public required DateOnly EffectiveDate { get; init; }

    public DatePrecision EffectivePrecision { get; init; }

    /// <summary>When the platform recorded the change (from a <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public string? LegalBasis { get; init; }

    public string? Reason { get; init; }

    /// <summary>Where the change comes from: the file, the gazette, the court decision.</summary>
    public string? SourceReference { get; init; }

    /// <summary>The list version that recorded the change.</summary>
    public required int ListVersion { get; init; }

    /// <summary>The designation's content after the change; null for <see cref="RevisionKind.Delisted"/>.</summary>
    public Designation? Content { get; init; }

    /// <summary>Fingerprint of <see cref="Content"/>; null for <see cref="RevisionKind.Delisted"/>.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>For <see cref="RevisionKind.Amended"/> (and relistings with new content): the fields that changed.</summary>
    public ValueArray<string> ChangedFields { get; init; }

    /// <summary>Whether the designation is in force after this revision.</summary>
    public bool InForce => Kind != RevisionKind.Delisted;
}
