using System.Collections.Immutable;

namespace Screening.Grains.Abstractions.Lists;

/// <summary>The codes of every defined jurisdiction (key 0).</summary>
[Alias("screening.IJurisdictionDirectoryGrain")]
public interface IJurisdictionDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a code (idempotent).</summary>
    [Alias("Register")]
    Task Register(string code);

    /// <summary>All codes, ordered.</summary>
    [Alias("List")]
    Task<ImmutableArray<string>> List();
}
