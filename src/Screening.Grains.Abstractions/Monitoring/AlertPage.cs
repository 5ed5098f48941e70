using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>A page of alerts; <see cref="NextAfter"/> is the alert id to continue after, or null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("screening.AlertPage")]
public sealed record AlertPage(
    [property: Id(0)] ImmutableArray<MonitoringAlert> Alerts,
    [property: Id(1)] long? NextAfter);
