namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>An analyst's decision on an alert.</summary>
public enum AlertDecision
{
    /// <summary>The customer is the designated subject.</summary>
    TrueMatch = 1,

    /// <summary>The customer is not the designated subject; the pair is allow-listed.</summary>
    FalsePositive = 2,
}
