namespace Screening.Api.Security;

/// <summary>
/// Per-tenant rate limit of calls, per silo (configuration section <c>RateLimit</c>). A call over the rate answers
/// RESOURCE_EXHAUSTED. A ScreenBatch or ScreenStream call counts once.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RateLimit";

    /// <summary>Calls per second per tenant and silo; 0 turns the limit off. Default 200,000 (a guard against runaway clients, above what one node serves: Ping peaked at 50,000/s on 2 cores; set it per contract).</summary>
    public int RequestsPerSecond { get; set; } = 200_000;

    /// <summary>Calls a tenant may make at once above the rate. Default 400,000.</summary>
    public int Burst { get; set; } = 400_000;
}
