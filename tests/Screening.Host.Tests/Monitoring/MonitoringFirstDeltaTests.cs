using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Lists;
using Screening.Host.Tests.Infrastructure;
using IMonitoringGrain = Screening.Grains.Abstractions.Monitoring.IMonitoringGrain;
using MonitoringKeys = Screening.Grains.Abstractions.Monitoring.MonitoringKeys;

namespace Screening.Host.Tests.Monitoring;

/// <summary>
/// Issue 6: the first list change right after a bulk upload, while every shard's reverse index is still stale (no
/// background rebuild: the rebuild delay is an hour), must open exactly the alerts that the same change opens against
/// built indexes. Two tenants hold the same book (uploaded, partly changed and removed); one has its indexes built by
/// an earlier change of another list, the other sees the change first.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonitoringFirstDeltaTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly string[] Given = ["Alikhan", "Kairat", "Mohammed", "Hassan", "Vladimir", "Nurlan", "Abdul", "Aigerim", "Ali", "Qairat", "Dana", "Yerlan"];
    private static readonly string[] Family = ["Smailov", "Satybaldy", "Idrissov", "Mahmoud", "Ivanov", "Nazarbayev", "Murad", "Tokayev", "Ali", "Abenov", "Smaiylov", "Kassymov", "Zhunusov", "Bekov"];
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "false",
        ["Monitoring:Shards"] = "4",
        ["Monitoring:DispatchDelay"] = "00:00:00.050",
        ["Monitoring:IndexRebuildDelay"] = "01:00:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Delta_RightAfterUploadBeforeAnyRebuild_OpensExactlyTheAlertsOfBuiltIndexes()
    {
        var operatorChannel = _host.Channel(TestHost.OperatorKey);
        await new ListAdminService.ListAdminServiceClient(operatorChannel).CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "FD", Name = "First delta", Authority = "none" });
        var fresh = await TenantAsync(operatorChannel, "fresh-bank", "FD/target");
        var steady = await TenantAsync(operatorChannel, "steady-bank", "FD/warmup", "FD/target");

        var random = new Random(66);
        var book = Enumerable.Range(0, 400).Select(i => Customer($"c-{i}", $"{Pick(random, Given)} {Pick(random, Family)}", i)).ToList();
        var renamed = Enumerable.Range(0, 400).Where(i => i % 13 == 0).Select(i => Customer($"c-{i}", $"{Pick(random, Family)} {Pick(random, Given)} {Pick(random, Given)}", i)).ToList();
        var removed = Enumerable.Range(0, 400).Where(i => i % 17 == 5).Select(i => $"c-{i}").ToList();
        foreach (var client in new[] { fresh, steady })
        {
            await UploadAsync(client, book);
            await UploadAsync(client, renamed);
            await client.RemoveCustomersAsync(new RemoveCustomersRequest { CustomerIds = { removed } });
        }

        // The steady tenant's shards build their indexes for a change of a list only it subscribes to.
        var grains = _host.Host.Services.GetRequiredService<IGrainFactory>();
        var warmup = await ImportAsync(grains, "FD/warmup", ["Quiet Harbour Trading"]);
        await CursorAsync(grains, "steady-bank", "FD/warmup", warmup);

        // Customers' names (some renamed, some removed), a reordered and a misspelt one, and names nobody has.
        var designations = new List<string>();
        for (var d = 0; d < 30; d++)
        {
            var name = book[random.Next(book.Count)].Names[0];
            designations.Add(d % 5 == 3 ? string.Join(' ', name.Split(' ').Reverse()) : d % 5 == 4 ? name.Replace('a', 'o') : name);
        }

        designations.AddRange(renamed.Take(3).Select(c => c.Names[0]));
        designations.AddRange(removed.Take(3).Select(id => book[int.Parse(id[2..], CultureInfo.InvariantCulture)].Names[0]));
        designations.AddRange(["Gulnara Temirbekova", "Ospan Zhaksybekov"]);
        var target = await ImportAsync(grains, "FD/target", designations);
        await CursorAsync(grains, "fresh-bank", "FD/target", target);
        await CursorAsync(grains, "steady-bank", "FD/target", target);

        var first = await AlertsAsync(fresh);
        var built = (await AlertsAsync(steady)).Where(a => a.ListId == "FD/target").ToList();
        Assert.True(first.Count >= 30, $"only {first.Count} alerts");
        Assert.Equal(Describe(built), Describe(first));
        Assert.Equal(first.Count, first.Select(a => (a.CustomerId, a.DesignationId)).Distinct().Count());
        Assert.DoesNotContain(first, a => removed.Contains(a.CustomerId));

        // Both tenants build from the names kept per customer: a renamed customer must be found under its new name.
        for (var k = 0; k < 3; k++)
        {
            Assert.Contains(first, a => a.CustomerId == renamed[k].CustomerId && a.DesignationId == $"FD/target/D-{30 + k}");
        }
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static Customer Customer(string id, string name, int i) => new()
    {
        CustomerId = id,
        Type = SubjectType.Individual,
        Names = { name },
        BirthDates = { new PartialDate { Year = 1950 + (i % 40), Month = 1 + (i % 12) } },
        Countries = { i % 3 == 0 ? "KZ" : "RU" },
    };

    private static List<string> Describe(IEnumerable<Alert> alerts) =>
        [.. alerts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.CustomerId} {a.DesignationId} {a.Score:R} {a.Explanation}")).Order(StringComparer.Ordinal)];

    private async Task<MonitoringService.MonitoringServiceClient> TenantAsync(global::Grpc.Net.Client.GrpcChannel operatorChannel, string id, params string[] lists)
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(operatorChannel);
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = id, DisplayName = id, Subscriptions = { new Subscription { Jurisdiction = "FD", ListIds = { lists } } } });
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = id, Role = ApiKeyRole.TenantAdmin });
        return new MonitoringService.MonitoringServiceClient(_host.Channel(key.Secret));
    }

    private static async Task UploadAsync(MonitoringService.MonitoringServiceClient client, IEnumerable<Customer> customers)
    {
        using var call = client.UpsertCustomers();
        foreach (var c in customers)
        {
            await call.RequestStream.WriteAsync(c);
        }

        await call.RequestStream.CompleteAsync();
        await call;
    }

    private static async Task<int> ImportAsync(IGrainFactory grains, string listId, IReadOnlyList<string> names)
    {
        var document = new StringBuilder($"{{\"format\":\"national-json\",\"formatVersion\":1,\"list\":\"{listId}\",\"title\":\"t\",\"publicationDate\":\"2024-01-01\",\"designations\":[");
        for (var d = 0; d < names.Count; d++)
        {
            document.Append(d == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"{{\"id\":\"D-{d}\",\"type\":\"individual\",\"names\":[{{\"name\":\"{names[d]}\",\"quality\":\"primary\"}}],\"revisions\":[{{\"kind\":\"listed\",\"effective\":\"2024-01-01\",\"reason\":\"test\"}}]}}");
        }

        document.Append("]}");
        var summary = await grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction("FD"))
            .Import(new ImportRequest(listId["FD/".Length..], "national-json", Encoding.UTF8.GetBytes(document.ToString()), null, null));
        return summary.Version;
    }

    private static async Task CursorAsync(IGrainFactory grains, string tenantId, string listId, int version)
    {
        var monitoring = grains.GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant(tenantId));
        for (var i = 0; i < 600 && (await monitoring.Cursors()).GetValueOrDefault(listId) < version; i++)
        {
            await Task.Delay(100);
        }

        Assert.True((await monitoring.Cursors()).GetValueOrDefault(listId) >= version, $"{tenantId} did not pass {listId} v{version}");
    }

    private static async Task<List<Alert>> AlertsAsync(MonitoringService.MonitoringServiceClient client) =>
        [.. (await client.ListAlertsAsync(new ListAlertsRequest { PageSize = 1000 })).Alerts];
}
