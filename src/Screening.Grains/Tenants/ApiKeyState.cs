using Screening.Grains.Abstractions.Tenants;

namespace Screening.Grains.Tenants;

/// <summary>Persisted state of <see cref="ApiKeyGrain"/>.</summary>
public sealed class ApiKeyState
{
    public ApiKeyRecord? Record { get; set; }
}
