using System.Collections.Immutable;
using Screening.Grains.Abstractions.Lists;

namespace Screening.Grains.Lists;

/// <summary>Persisted state of <see cref="JurisdictionDirectoryGrain"/>.</summary>
public sealed class JurisdictionDirectoryState
{
    public SortedSet<string> Codes { get; set; } = new(StringComparer.Ordinal);
}

/// <inheritdoc cref="IJurisdictionDirectoryGrain"/>
public sealed class JurisdictionDirectoryGrain(
    [PersistentState("jurisdiction-directory", GrainStorageNames.Platform)] IPersistentState<JurisdictionDirectoryState> state) : Grain, IJurisdictionDirectoryGrain
{
    public async Task Register(string code)
    {
        if (state.State.Codes.Add(code))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<string>> List() => Task.FromResult(state.State.Codes.ToImmutableArray());
}
