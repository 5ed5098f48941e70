namespace Screening.LoadTests.Running;

/// <summary>How load is offered.</summary>
public enum LoadModel
{
    /// <summary>N callers, each sends its next call when the previous one answered.</summary>
    Closed,

    /// <summary>Calls start at a fixed arrival rate whatever the answers do; latency counts from the intended start (no coordinated omission).</summary>
    Open,
}
