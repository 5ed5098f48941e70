namespace Screening.Grains.Abstractions.Lists;

/// <summary>An official file to import into one list of a jurisdiction.</summary>
[GenerateSerializer, Immutable, Alias("screening.ImportRequest")]
public sealed record ImportRequest(
    [property: Id(0)] string ListName,
    [property: Id(1)] string Format,
    [property: Id(2)] byte[] Content,
    [property: Id(3)] DateOnly? DelistedEffective,
    [property: Id(4)] string? SourceReference);
