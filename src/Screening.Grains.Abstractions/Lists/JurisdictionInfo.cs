using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>A jurisdiction and the state of its lists.</summary>
[GenerateSerializer, Immutable, Alias("screening.JurisdictionInfo")]
public sealed record JurisdictionInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Authority,
    [property: Id(3)] ImmutableArray<ListSummary> Lists);
