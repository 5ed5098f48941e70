using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>A designation's latest content (ListJson) and its full revision history.</summary>
[GenerateSerializer, Immutable, Alias("screening.DesignationHistory")]
public sealed record DesignationHistory(
    [property: Id(0)] string DesignationId,
    [property: Id(1)] string ListId,
    [property: Id(2)] string? ContentJson,
    [property: Id(3)] ImmutableArray<RevisionInfo> Revisions,
    [property: Id(4)] bool InForce);
