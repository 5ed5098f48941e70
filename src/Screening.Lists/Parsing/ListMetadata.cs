namespace Screening.Lists.Parsing;

/// <summary>What a list file says about itself, read from its header before any designation.</summary>
public sealed record ListMetadata
{
    public required string FormatName { get; init; }

    /// <summary>The publication (generation) date the file carries, when it carries one.</summary>
    public DateOnly? PublicationDate { get; init; }

    /// <summary>The publication time, when the file carries one.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public string? Title { get; init; }

    /// <summary>The list the file declares itself to be (national-json), e.g. <c>KZ/terrorist-organisations</c>.</summary>
    public string? SourceList { get; init; }

    /// <summary>A count the file declares (OFAC Record_Count), for cross-checking.</summary>
    public int? DeclaredRecordCount { get; init; }
}
