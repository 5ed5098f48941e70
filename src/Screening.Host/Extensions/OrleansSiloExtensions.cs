using System.Net;
using Screening.Grains;
using Screening.Host.Options;
using Screening.Host.Storage;

namespace Screening.Host.Extensions;

/// <summary>Configures the co-hosted Orleans silo on PostgreSQL.</summary>
public static class OrleansSiloExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>ADO.NET clustering, grain storage (System.Text.Json) and reminders on the platform database.</summary>
    public static ISiloBuilder UsePlatformStorage(this ISiloBuilder silo, OrleansHostOptions options, string connectionString)
    {
        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(ResolveAdvertisedAddress(options.AdvertisedIP), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(GrainStorageNames.Platform, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
#pragma warning disable ORLEANSEXP006 // System.Text.Json storage: stored state must not depend on .NET type names (ORLEANS-NOTES.md).
        silo.UseSystemTextJsonGrainStorageSerializer();
#pragma warning restore ORLEANSEXP006
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddActivityPropagation();
        if (options.KubernetesHosting)
        {
            // Registered last so the pod's name, address and ids override the ones configured above.
            silo.UseKubernetesHosting();
        }

        return silo;
    }

    /// <summary>
    /// <c>Orleans:AdvertisedIP</c> as an address: an IP as is, or a host name resolved once at start-up (a compose
    /// service's own name, whose container address is not known in advance).
    /// </summary>
    public static IPAddress ResolveAdvertisedAddress(string value)
    {
        if (IPAddress.TryParse(value, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(value).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new PlatformStartupException($"Orleans:AdvertisedIP '{value}' resolves to no IPv4 address: give this silo's IP address (environment Orleans__AdvertisedIP).");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new PlatformStartupException($"Orleans:AdvertisedIP '{value}' is neither an IP address nor a resolvable host name ({e.Message}): give this silo's IP address (environment Orleans__AdvertisedIP).", e);
        }
    }
}
