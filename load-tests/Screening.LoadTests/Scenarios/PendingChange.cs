using System.Collections.Immutable;

namespace Screening.LoadTests.Scenarios;

/// <summary>A list change in flight: the last confirmed version before it and the designations in force after it.</summary>
public sealed record PendingChange(long After, ImmutableHashSet<string> State);
