namespace Screening.Lists.History;

/// <summary>A revision stated explicitly by the source (national-json): kind, effective date and its precision, legal basis.</summary>
public sealed record StatedRevision
{
    public required RevisionKind Kind { get; init; }

    public required DateOnly EffectiveDate { get; init; }

    public DatePrecision EffectivePrecision { get; init; }

    public string? LegalBasis { get; init; }

    public string? Reason { get; init; }

    public string? SourceReference { get; init; }
}
