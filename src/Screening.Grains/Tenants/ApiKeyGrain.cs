using Screening.Grains.Abstractions.Tenants;

namespace Screening.Grains.Tenants;

/// <inheritdoc cref="IApiKeyGrain"/>
public sealed class ApiKeyGrain(
    [PersistentState("apikey", GrainStorageNames.Platform)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    public async Task Register(ApiKeyRecord record)
    {
        state.State.Record = record;
        await state.WriteStateAsync();
    }

    public async Task Revoke()
    {
        if (state.State.Record is { Revoked: false } record)
        {
            state.State.Record = record with { Revoked = true };
            await state.WriteStateAsync();
        }
    }

    public Task<ApiKeyRecord?> Resolve() => Task.FromResult(state.State.Record);
}
