using System.Collections.Immutable;

namespace Screening.Grains.Screening;

/// <summary>The answer for one subject before it is audited and sent.</summary>
public sealed record ScreeningOutcome(
    ImmutableArray<ScreeningHit> Hits,
    ImmutableArray<ScreeningHit> Former,
    ImmutableArray<(string ListId, int Version)> ListVersions,
    double Threshold,
    DateOnly AsOf)
{
    /// <summary>Whether any designation in force matched.</summary>
    public bool IsPotentialMatch => !Hits.IsEmpty;
}
