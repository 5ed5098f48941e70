using System.Net;
using Screening.Grains;
using Screening.Host.Options;

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
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIP), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
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
        return silo;
    }
}
