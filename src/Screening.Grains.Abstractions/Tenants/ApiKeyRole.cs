namespace Screening.Grains.Abstractions.Tenants;

/// <summary>What a key may do.</summary>
public enum ApiKeyRole
{
    /// <summary>Screen and read its own tenant's audit.</summary>
    Screening = 1,

    /// <summary>Everything of its own tenant.</summary>
    TenantAdmin = 2,

    /// <summary>The platform operator (key from configuration only; never issued).</summary>
    Operator = 3,
}
