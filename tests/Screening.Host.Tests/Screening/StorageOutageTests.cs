using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.Contracts.V1;
using Screening.Host.Storage;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Screening;

/// <summary>
/// PostgreSQL goes away under a running host: screening answers UNAVAILABLE (never an unaudited answer) and
/// resumes by itself when the database is back. Uses its own server so the shared one is not disturbed.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "screening-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private EmbeddedPostgres _postgres = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _postgres = await EmbeddedPostgres.StartAsync(_folder, null, "postgres", NullLogger.Instance, CancellationToken.None);
        _host = await TestHost.StartOnAsync(_postgres.ConnectionString, new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Audit:FailureBackoff"] = "00:00:00.200" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<long> CountAuditAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM audit_screening", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Screen_DatabaseStoppedThenBack_UnavailableThenServesAgainWithEveryAnswerAudited()
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "outage-bank", DisplayName = "O", Subscriptions = { new Subscription { Jurisdiction = "KZ" } } });
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "outage-bank", Role = ApiKeyRole.Screening });
        var client = new ScreeningService.ScreeningServiceClient(_host.Channel(key.Secret));
        var request = new ScreenRequest { Subject = new Subject { Names = { "Taliban" } }, AsOf = "2023-08-15" };
        var answered = 0;
        answered += (await client.ScreenAsync(request)).Decision == Decision.PotentialMatch ? 1 : 0;

        await _postgres.SuspendAsync();
        var outage = new List<StatusCode>();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                await client.ScreenAsync(request);
                answered++;
            }
            catch (RpcException e)
            {
                outage.Add(e.StatusCode);
            }
        }

        await _postgres.ResumeAsync();
        Decision? recovered = null;
        for (var i = 0; i < 100 && recovered is null; i++)
        {
            try
            {
                recovered = (await client.ScreenAsync(request)).Decision;
                answered++;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                await Task.Delay(200);
            }
        }

        Assert.NotEmpty(outage);
        Assert.All(outage, s => Assert.Equal(StatusCode.Unavailable, s));
        Assert.Equal(Decision.PotentialMatch, recovered);
        Assert.Equal(answered, await CountAuditAsync(_postgres.ConnectionString));
    }
}
