using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>One revision of a designation; <see cref="ContentJson"/> is the designation as of it (ListJson), null for a delisting.</summary>
[GenerateSerializer, Immutable, Alias("screening.RevisionInfo")]
public sealed record RevisionInfo(
    [property: Id(0)] string DesignationId,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateOnly EffectiveDate,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] string? LegalBasis,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? SourceReference,
    [property: Id(7)] int ListVersion,
    [property: Id(8)] ImmutableArray<string> ChangedFields,
    [property: Id(9)] string? ContentJson,
    [property: Id(10)] PropagationReport? Propagation = null);
