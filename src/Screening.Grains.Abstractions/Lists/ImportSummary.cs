namespace Screening.Grains.Abstractions.Lists;

/// <summary>What an import changed; <see cref="Changed"/> is false when the content was identical.</summary>
[GenerateSerializer, Immutable, Alias("screening.ImportSummary")]
public sealed record ImportSummary(
    [property: Id(0)] string ListId,
    [property: Id(1)] int Version,
    [property: Id(2)] bool Changed,
    [property: Id(3)] int Listed,
    [property: Id(4)] int Amended,
    [property: Id(5)] int Delisted,
    [property: Id(6)] int Relisted,
    [property: Id(7)] int Unchanged,
    [property: Id(8)] string Message,
    [property: Id(9)] PropagationReport? Propagation = null);
