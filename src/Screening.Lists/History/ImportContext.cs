namespace Screening.Lists.History;

/// <summary>How to record an import: when (from a <see cref="TimeProvider"/>), effective when, on what basis.</summary>
public sealed record ImportContext
{
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Effective date of listings without a stated date, amendments and relistings; default: the file's publication date, else the recorded date.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Effective date of delistings; default: <see cref="EffectiveDate"/> rule ("unless told otherwise").</summary>
    public DateOnly? DelistingEffectiveDate { get; init; }

    public string? LegalBasis { get; init; }

    public string? Reason { get; init; }

    public string? SourceReference { get; init; }

    /// <summary>A context recorded now, by <paramref name="timeProvider"/>.</summary>
    public static ImportContext Now(TimeProvider timeProvider, string? sourceReference = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new ImportContext { RecordedAt = timeProvider.GetUtcNow(), SourceReference = sourceReference };
    }
}
