using Screening.Grains.Abstractions.Tenants;

namespace Screening.Grains.Tenants;

/// <summary>Persisted state of <see cref="TenantGrain"/> (stored as System.Text.Json).</summary>
public sealed class TenantState
{
    public TenantConfig? Config { get; set; }

    public List<ApiKeyInfo> Keys { get; set; } = [];
}
