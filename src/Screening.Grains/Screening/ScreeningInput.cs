using Screening.Matching;

namespace Screening.Grains.Screening;

/// <summary>One subject to screen, validated.</summary>
public sealed record ScreeningInput(ScreeningQuery Query, string ClientReference, DateOnly AsOf, double MinScore);
