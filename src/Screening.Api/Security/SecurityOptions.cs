namespace Screening.Api.Security;

/// <summary>Authentication settings (configuration section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Security";

    /// <summary>
    /// The platform operator's bearer key (environment <c>Security__OperatorKey</c>): manages jurisdictions, lists and
    /// tenants. At least 16 characters. Required with external storage; with embedded storage one is generated
    /// and kept in the data folder when none is given.
    /// </summary>
    public string? OperatorKey { get; set; }

    /// <summary>How long a silo trusts a cached key resolution; a revoked key stops working within this time. Default 1 s.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(1);
}
