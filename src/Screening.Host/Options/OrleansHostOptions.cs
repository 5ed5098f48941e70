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

    /// <summary>Address other silos reach this one at: an IP, or a host name resolved at start-up. The silo listens on it. Default 127.0.0.1.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>
    /// Run as a Kubernetes pod (<c>UseKubernetesHosting</c>): silo name, advertised address and cluster/service ids come
    /// from the pod (environment <c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>POD_IP</c>, <c>ORLEANS_CLUSTER_ID</c>,
    /// <c>ORLEANS_SERVICE_ID</c>), silos listen on every address, and silos whose pods are gone are declared dead at once.
    /// Needs a service account allowed to get, list, watch and delete pods in the namespace. Default off.
    /// </summary>
    public bool KubernetesHosting { get; set; }
}
