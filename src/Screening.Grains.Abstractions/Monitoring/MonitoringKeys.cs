using System.Globalization;

namespace Screening.Grains.Abstractions.Monitoring;

/// <summary>Grain keys of monitoring (non-hex, with '/', see ORLEANS-NOTES.md).</summary>
public static class MonitoringKeys
{
    /// <summary>Key of a tenant's monitoring grain.</summary>
    public static string Tenant(string tenantId) => "monitoring/" + tenantId;

    /// <summary>Key of one shard of a tenant's customers.</summary>
    public static string Shard(string tenantId, int shard) => "monitoring/" + tenantId + "/" + shard.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shard of a customer: FNV-1a of its id (stable across processes and .NET versions) modulo the shard count.</summary>
    public static int ShardOf(string customerId, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var c in customerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shardCount);
    }
}
