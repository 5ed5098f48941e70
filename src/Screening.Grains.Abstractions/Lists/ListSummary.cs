namespace Screening.Grains.Abstractions.Lists;

/// <summary>A list's current version and counts at an as-of date.</summary>
[GenerateSerializer, Immutable, Alias("screening.ListSummary")]
public sealed record ListSummary(
    [property: Id(0)] string ListId,
    [property: Id(1)] int Version,
    [property: Id(2)] int InForce,
    [property: Id(3)] int Total,
    [property: Id(4)] DateOnly AsOf,
    [property: Id(5)] DateTimeOffset? UpdatedAt,
    [property: Id(6)] string? LastError);
