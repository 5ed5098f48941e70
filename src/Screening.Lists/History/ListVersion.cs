namespace Screening.Lists.History;

/// <summary>One version of a list: created by an import (or a recorded set of stated revisions) that changed something.</summary>
public sealed record ListVersion
{
    public required int Number { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The publication date of the file imported, when it carries one.</summary>
    public DateOnly? PublicationDate { get; init; }

    public string? SourceReference { get; init; }

    public string? FormatName { get; init; }

    public int Listed { get; init; }

    public int Amended { get; init; }

    public int Delisted { get; init; }

    public int Relisted { get; init; }

    public int Unchanged { get; init; }
}
