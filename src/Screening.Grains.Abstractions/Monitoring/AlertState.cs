namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>Lifecycle of a monitoring alert.</summary>
public enum AlertState
{
    /// <summary>A potential match waiting for an analyst.</summary>
    Open = 1,

    /// <summary>Closed by the platform (designation delisted, customer removed).</summary>
    Closed = 2,

    /// <summary>Decided by an analyst.</summary>
    Decided = 3,
}
