namespace Screening.Grains.Abstractions;

/// <summary>
/// String keys of the platform's grains. Each carries a prefix with a '/' so that no key parses as hex
/// (Orleans would read "ff" and "00FF" as the same grain; see ORLEANS-NOTES.md).
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of a tenant's grain.</summary>
    public static string Tenant(string tenantId) => "tenant/" + tenantId;

    /// <summary>Key of an API key's grain.</summary>
    public static string ApiKey(string keyId) => "apikey/" + keyId;

    /// <summary>Key of a jurisdiction's grain.</summary>
    public static string Jurisdiction(string code) => "jurisdiction/" + code;
}
