namespace Screening.Api.Security;

/// <summary>
/// Per-tenant rate limit of calls, per silo (configuration section <c>RateLimit</c>). A call over the rate answers
/// RESOURCE_EXHAUSTED. A ScreenBatch or ScreenStream call counts once.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RateLimit";

    /// <summary>Calls per second per tenant; 0 turns the limit off. Default 5000.</summary>
    public int RequestsPerSecond { get; set; } = 5000;

    /// <summary>Calls a tenant may make at once above the rate. Default 10000.</summary>
    public int Burst { get; set; } = 10_000;
}
