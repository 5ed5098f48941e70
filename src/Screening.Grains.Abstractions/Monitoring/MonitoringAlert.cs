namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>A potential match between a monitored customer and a designation, with its lifecycle.</summary>
[GenerateSerializer, Immutable, Alias("screening.MonitoringAlert")]
public sealed record MonitoringAlert(
    [property: Id(0)] long AlertId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string DesignationId,
    [property: Id(3)] string ListId,
    [property: Id(4)] string Jurisdiction,
    [property: Id(5)] double Score,
    [property: Id(6)] string MatchedName,
    [property: Id(7)] string Explanation,
    [property: Id(8)] DateTimeOffset OpenedAt,
    [property: Id(9)] int OpenedByVersion,
    [property: Id(10)] AlertState State,
    [property: Id(11)] DateTimeOffset? ClosedAt,
    [property: Id(12)] int? ClosedByVersion,
    [property: Id(13)] string? CloseReason,
    [property: Id(14)] AlertDecision? Decision,
    [property: Id(15)] string? Note,
    [property: Id(16)] DateTimeOffset? DecidedAt,
    [property: Id(17)] long ChangeSequence);
