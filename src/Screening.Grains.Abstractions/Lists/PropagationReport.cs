using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>How a list change reached the silos: those that confirmed, and those the hub waited out (see ListPropagationOptions.Lease).</summary>
[GenerateSerializer, Immutable, Alias("screening.PropagationReport")]
public sealed record PropagationReport(
    [property: Id(0)] ImmutableArray<string> Confirmed,
    [property: Id(1)] ImmutableArray<string> WaitedOut,
    [property: Id(2)] TimeSpan Elapsed);
