namespace Screening.Host.Options;

/// <summary>Orleans silo settings (configuration section <c>Orleans</c>).</summary>
public sealed class OrleansHostOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Cluster id: silos with the same id and database form one cluster. Default <c>screening</c>.</summary>
    public string ClusterId { get; set; } = "screening";

    /// <summary>Service id: keys grain state and reminders; keep it stable across deployments. Default <c>screening</c>.</summary>
    public string ServiceId { get; set; } = "screening";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 disables the gateway. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at. Default 127.0.0.1.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";
}
