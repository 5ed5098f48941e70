using System.Text.RegularExpressions;
using Screening.Grains.Abstractions.Errors;

namespace Screening.Grains.Tenants;

/// <summary>Validation rules of tenant settings; each failure names the field and the rule.</summary>
public static partial class TenantRules
{
    /// <summary>Threshold used when a tenant is created without one.</summary>
    public const double DefaultThreshold = 0.85;

    /// <summary>Throws INVALID_ARGUMENT unless the id is 3..64 of a-z, 0-9 and '-'.</summary>
    public static void ValidateTenantId(string tenantId)
    {
        if (!TenantIdPattern().IsMatch(tenantId))
        {
            throw PlatformException.Invalid("tenant_id", "must be 3..64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }

    /// <summary>Throws INVALID_ARGUMENT unless the threshold is in (0, 1].</summary>
    public static void ValidateThreshold(double threshold)
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            throw PlatformException.Invalid("threshold", "must be greater than 0 and at most 1");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantIdPattern();
}
