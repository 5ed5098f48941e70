namespace Screening.LoadTests.Running;

/// <summary>How long and how hard to drive one scenario.</summary>
public sealed record LoadProfile(LoadModel Model, int Concurrency, double Rate, TimeSpan Warmup, TimeSpan Duration, int MaxInFlight);
