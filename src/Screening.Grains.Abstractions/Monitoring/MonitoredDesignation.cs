namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>
/// A new or amended designation of one list version, to be screened against a shard's customers. The content is
/// the designation as list JSON (<c>ListJson</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("screening.MonitoredDesignation")]
public sealed record MonitoredDesignation(
    [property: Id(0)] string DesignationId,
    [property: Id(1)] string ListId,
    [property: Id(2)] int Version,
    [property: Id(3)] string ContentJson);
