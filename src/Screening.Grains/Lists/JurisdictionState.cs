namespace Screening.Grains.Lists;

/// <summary>Persisted state of <see cref="JurisdictionGrain"/>: its identity and list catalogue. Versions and revisions live in <see cref="ListStore"/>.</summary>
public sealed class JurisdictionState
{
    public string? Name { get; set; }

    public string Authority { get; set; } = string.Empty;

    public Dictionary<string, ListCatalogEntry> Lists { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One list of a jurisdiction.</summary>
public sealed class ListCatalogEntry
{
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Where the list is refreshed from (scheduled refresh), if anywhere.</summary>
    public string? SourceUrl { get; set; }

    /// <summary>Format of the file at <see cref="SourceUrl"/>.</summary>
    public string? SourceFormat { get; set; }

    /// <summary>How often the source is checked.</summary>
    public TimeSpan? RefreshInterval { get; set; }

    /// <summary>Validators of the last fetched file, for conditional GET.</summary>
    public string? ETag { get; set; }

    public DateTimeOffset? LastModified { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }
}
