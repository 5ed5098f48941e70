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
}
