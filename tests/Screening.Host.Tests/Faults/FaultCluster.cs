using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.Contracts.V1;
using Screening.Host.Storage;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Faults;

/// <summary>
/// Three host processes in one cluster on a throwaway PostgreSQL of their own (so stopping it disturbs no other test).
/// Silo 2 reaches the database through a <see cref="DatabaseProxy"/> that a test can cut.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "screening-faults-" + Guid.NewGuid().ToString("N")[..8]);

    public EmbeddedPostgres Postgres { get; private set; } = null!;

    public DatabaseProxy Proxy { get; private set; } = null!;

    public List<SiloProcess> Silos { get; } = [];

    /// <summary>FAULT_MEASURE=1: the long version (longer load around each fault, more callers).</summary>
    public static bool Measure => Environment.GetEnvironmentVariable("FAULT_MEASURE") == "1";

    public async Task InitializeAsync()
    {
        Postgres = await EmbeddedPostgres.StartAsync(_folder, null, "postgres", NullLogger.Instance, CancellationToken.None);
        Proxy = new DatabaseProxy(Postgres.Port);
        var direct = Postgres.ConnectionString;
        var proxied = new NpgsqlConnectionStringBuilder(direct) { Port = Proxy.Port }.ConnectionString;
        var clusterId = "faults-" + Guid.NewGuid().ToString("N")[..6];
        Silos.Add(new SiloProcess(0, direct, clusterId, seed: true));
        Silos.Add(new SiloProcess(1, direct, clusterId, seed: false));
        Silos.Add(new SiloProcess(2, proxied, clusterId, seed: false));

        // The first silo migrates and seeds; the others join it.
        Silos[0].Start();
        await Silos[0].WaitReadyAsync();
        Silos[1].Start();
        Silos[2].Start();
        await Task.WhenAll(Silos[1].WaitReadyAsync(), Silos[2].WaitReadyAsync());
    }

    /// <summary>Starts any silo a previous test left down and waits until all are ready.</summary>
    public async Task EnsureAllReadyAsync()
    {
        foreach (var silo in Silos.Where(s => !s.Running))
        {
            silo.Start();
        }

        await Task.WhenAll(Silos.Select(s => s.WaitReadyAsync()));
    }

    /// <summary>Creates a tenant subscribed to TJ and returns its screening key.</summary>
    public async Task<string> CreateTenantAsync(string tenantId)
    {
        using var channel = Silos[0].Channel(TestHost.OperatorKey);
        var admin = new TenantAdminService.TenantAdminServiceClient(channel);

        // Like any client, set-up retries UNAVAILABLE: after a previous test's kill -9 the cluster answers UNAVAILABLE
        // for the dead silo's grains until membership declares it dead, although every live silo reports ready.
        await RetryUnavailableAsync(async () =>
        {
            try
            {
                await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = tenantId, DisplayName = tenantId, Subscriptions = { new Subscription { Jurisdiction = "TJ" } } });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                // an earlier attempt went through
            }

            return true;
        });
        return await RetryUnavailableAsync(async () => (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = tenantId, Role = ApiKeyRole.Screening })).Secret);
    }

    /// <summary>Retries a set-up call while the cluster answers UNAVAILABLE or DEADLINE_EXCEEDED (up to 90 s).</summary>
    public static async Task<T> RetryUnavailableAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>How many of <paramref name="screeningIds"/> have an audit record, read from the audit table directly.</summary>
    public async Task<int> CountAuditedAsync(string tenantId, IReadOnlyCollection<string> screeningIds)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(DISTINCT screening_id) FROM audit_screening WHERE tenant_id = @t AND screening_id = ANY(@ids)", conn);
        cmd.Parameters.AddWithValue("t", tenantId);
        cmd.Parameters.AddWithValue("ids", screeningIds.ToArray());
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(Silos))
        {
            await silo.DisposeAsync();
        }

        await Proxy.DisposeAsync();
        await Postgres.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
