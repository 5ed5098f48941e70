using System.Collections.Immutable;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Abstractions.Tenants;

namespace Screening.Grains.Tenants;

/// <inheritdoc cref="ITenantGrain"/>
public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorageNames.Platform)] IPersistentState<TenantState> state,
    TimeProvider time) : Grain, ITenantGrain
{
    private string TenantId => this.GetPrimaryKeyString()["tenant/".Length..];

    public async Task<TenantConfig> Create(string displayName, ImmutableArray<TenantSubscription> subscriptions, double threshold)
    {
        TenantRules.ValidateTenantId(TenantId);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200)
        {
            throw PlatformException.Invalid("display_name", "must be 1..200 characters");
        }

        threshold = threshold == 0 ? TenantRules.DefaultThreshold : threshold;
        TenantRules.ValidateThreshold(threshold);
        if (state.State.Config is not null)
        {
            throw new PlatformException(PlatformErrorCode.AlreadyExists, $"tenant '{TenantId}' already exists");
        }

        var config = new TenantConfig(TenantId, displayName.Trim(), Normalise(subscriptions), threshold, [], time.GetUtcNow(), 1);
        return await SaveAsync(config);
    }

    public Task<TenantConfig?> Get() => Task.FromResult(state.State.Config);

    public Task<TenantConfig> SetSubscriptions(ImmutableArray<TenantSubscription> subscriptions) =>
        SaveAsync(Existing() with { Subscriptions = Normalise(subscriptions) });

    public Task<TenantConfig> SetThreshold(double threshold)
    {
        TenantRules.ValidateThreshold(threshold);
        return SaveAsync(Existing() with { Threshold = threshold });
    }

    public Task<TenantConfig> AddAllowListEntry(string designationId, string? clientReference, string note)
    {
        if (string.IsNullOrWhiteSpace(designationId))
        {
            throw PlatformException.Invalid("entry.designation_id", "is required");
        }

        var config = Existing();
        var reference = string.IsNullOrEmpty(clientReference) ? null : clientReference;
        var entries = config.AllowList.RemoveAll(e => e.DesignationId == designationId && e.ClientReference == reference)
            .Add(new AllowListEntry(designationId, reference, note, time.GetUtcNow()));
        return SaveAsync(config with { AllowList = entries });
    }

    public Task<TenantConfig> RemoveAllowListEntry(string designationId, string? clientReference)
    {
        var config = Existing();
        var reference = string.IsNullOrEmpty(clientReference) ? null : clientReference;
        var entries = config.AllowList.RemoveAll(e => e.DesignationId == designationId && e.ClientReference == reference);
        if (entries.Length == config.AllowList.Length)
        {
            throw PlatformException.NotFound("allow-list entry", designationId);
        }

        return SaveAsync(config with { AllowList = entries });
    }

    public async Task<IssuedApiKey> IssueApiKey(ApiKeyRole role, string label)
    {
        if (role is not (ApiKeyRole.Screening or ApiKeyRole.TenantAdmin))
        {
            throw PlatformException.Invalid("role", "must be SCREENING or TENANT_ADMIN");
        }

        Existing();
        var (keyId, secret) = ApiKeySecrets.Generate();
        // Register the key before listing it, so a listed key always resolves.
        await GrainFactory.GetGrain<IApiKeyGrain>(GrainKeys.ApiKey(keyId))
            .Register(new ApiKeyRecord(keyId, TenantId, role, ApiKeySecrets.Hash(secret), Revoked: false));
        state.State.Keys.Add(new ApiKeyInfo(keyId, role, label ?? string.Empty, time.GetUtcNow(), Revoked: false));
        await state.WriteStateAsync();
        return new IssuedApiKey(keyId, secret, role);
    }

    public async Task RevokeApiKey(string keyId)
    {
        Existing();
        var index = state.State.Keys.FindIndex(k => k.KeyId == keyId);
        if (index < 0)
        {
            throw PlatformException.NotFound("API key", keyId);
        }

        await GrainFactory.GetGrain<IApiKeyGrain>(GrainKeys.ApiKey(keyId)).Revoke();
        state.State.Keys[index] = state.State.Keys[index] with { Revoked = true };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<ApiKeyInfo>> ListApiKeys()
    {
        Existing();
        return Task.FromResult(state.State.Keys.ToImmutableArray());
    }

    private TenantConfig Existing() => state.State.Config ?? throw PlatformException.NotFound("tenant", TenantId);

    private async Task<TenantConfig> SaveAsync(TenantConfig config)
    {
        var previous = state.State.Config;
        state.State.Config = config with { Version = (previous?.Version ?? 0) + 1 };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Config = previous; // never serve configuration that was not stored
            throw;
        }

        return state.State.Config;
    }

    private static ImmutableArray<TenantSubscription> Normalise(ImmutableArray<TenantSubscription> subscriptions)
    {
        if (subscriptions.IsDefault)
        {
            return [];
        }

        foreach (var s in subscriptions)
        {
            if (string.IsNullOrWhiteSpace(s.Jurisdiction) || s.Jurisdiction.Length > 8)
            {
                throw PlatformException.Invalid("subscriptions.jurisdiction", "must be a jurisdiction code such as KZ or UN");
            }
        }

        return [.. subscriptions
            .GroupBy(s => s.Jurisdiction.Trim().ToUpperInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TenantSubscription(
                g.Key,
                g.Any(s => s.ListIds.IsDefaultOrEmpty) ? [] : [.. g.SelectMany(s => s.ListIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))];
    }
}
