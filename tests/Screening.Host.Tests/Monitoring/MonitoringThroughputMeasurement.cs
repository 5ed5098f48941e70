using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Screening.Contracts.V1;
using Screening.Grains.Abstractions;
using Screening.Grains.Abstractions.Lists;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using IMonitoringGrain = Screening.Grains.Abstractions.Monitoring.IMonitoringGrain;
using MonitoringKeys = Screening.Grains.Abstractions.Monitoring.MonitoringKeys;

namespace Screening.Host.Tests.Monitoring;

/// <summary>
/// A measured delta re-screen for docs/PERFORMANCE.md: N customers uploaded over gRPC, then one list version with
/// 100 new designations right after the upload, then another version adding 100 more (steady state: indexes built),
/// each timed from the import until the tenant's cursor has passed it (every alert committed).
/// Real size only with MONITORING_MEASURE=1 (MONITORING_MEASURE_CUSTOMERS, default 1,000,000); otherwise 20,000
/// customers, so normal runs stay short. No timing is asserted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonitoringThroughputMeasurement(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Designations = 100;

    [Fact]
    public async Task Measure_DeltaOf100DesignationsAgainstCustomerBook_ReportsSeconds()
    {
        var measure = Environment.GetEnvironmentVariable("MONITORING_MEASURE") == "1";
        var customers = measure
            ? int.TryParse(Environment.GetEnvironmentVariable("MONITORING_MEASURE_CUSTOMERS"), CultureInfo.InvariantCulture, out var n) ? n : 1_000_000
            : 20_000;
        // Monitoring's own log (index builds, deltas processed, with their times) is shown for the measured run.
        await using var host = await TestHost.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Logging:LogLevel:Screening.Grains.Monitoring"] = measure ? "Information" : "Warning",
        });
        var operatorChannel = host.Channel(TestHost.OperatorKey);
        var lists = new ListAdminService.ListAdminServiceClient(operatorChannel);
        var admin = new TenantAdminService.TenantAdminServiceClient(operatorChannel);
        await lists.CreateJurisdictionAsync(new CreateJurisdictionRequest { Code = "BM", Name = "Benchmark", Authority = "none" });
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "bench-bank", DisplayName = "Bench", Subscriptions = { new Subscription { Jurisdiction = "BM" } } });
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "bench-bank", Role = ApiKeyRole.TenantAdmin });
        var client = new MonitoringService.MonitoringServiceClient(host.Channel(key.Secret));

        var names = new NameGenerator(42);
        var book = new List<string>(customers);
        var upload = Stopwatch.StartNew();
        using (var call = client.UpsertCustomers())
        {
            for (var i = 0; i < customers; i++)
            {
                var name = names.Person();
                book.Add(name);
                await call.RequestStream.WriteAsync(new Customer
                {
                    CustomerId = "cust-" + i.ToString(CultureInfo.InvariantCulture),
                    Names = { name },
                    Type = SubjectType.Individual,
                    BirthDates = { new PartialDate { Year = 1950 + (i % 50), Month = 1 + (i % 12), Day = 1 + (i % 28) } },
                    Countries = { i % 3 == 0 ? "KZ" : "RU" },
                });
            }

            await call.RequestStream.CompleteAsync();
            var response = await call;
            Assert.Equal(customers, response.Accepted);
        }

        upload.Stop();

        // Half the designations carry names of customers (so alerts open), half are new names. The second version
        // keeps the first 100 and adds 100 more: again a delta of 100 new designations, now against built indexes.
        var random = new Random(7);
        var designations = Enumerable.Range(0, 2 * Designations).Select(d => d % 2 == 0 ? book[random.Next(book.Count)] : names.Person()).ToList();
        var grains = host.Host.Services.GetRequiredService<IGrainFactory>();
        var monitoring = grains.GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant("bench-bank"));
        // MONITORING_MEASURE_SETTLE_S: seconds to wait after the upload (the shards rebuild their indexes in the
        // background meanwhile), as when a list changes some time after the book was loaded. Default 0.
        var settle = int.TryParse(Environment.GetEnvironmentVariable("MONITORING_MEASURE_SETTLE_S"), CultureInfo.InvariantCulture, out var st) ? st : 0;
        await Task.Delay(TimeSpan.FromSeconds(settle));
        var (firstImport, firstDelta) = await DeltaAsync(grains, monitoring, designations[..Designations]);
        var (secondImport, secondDelta) = await DeltaAsync(grains, monitoring, designations);

        var page = await client.ListAlertsAsync(new ListAlertsRequest { PageSize = 1000 });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{customers:N0} customers (16 shards) uploaded over gRPC in {upload.Elapsed.TotalSeconds:F1} s ({customers / upload.Elapsed.TotalSeconds:F0}/s); first delta of {Designations} designations {settle} s after the upload: import returned after {firstImport.TotalSeconds:F2} s, cursor advanced (all alerts committed) after {firstDelta.TotalSeconds:F2} s; second delta of {Designations} (indexes built): import {secondImport.TotalSeconds:F2} s, cursor advanced after {secondDelta.TotalSeconds:F2} s; {page.Alerts.Count}{(page.NextPageToken.Length > 0 ? "+" : string.Empty)} alerts opened; Environment.ProcessorCount {Environment.ProcessorCount}, managed heap {GC.GetTotalMemory(false) / 1_048_576} MB"));
        Assert.True(page.Alerts.Count >= Designations);
    }

    /// <summary>Imports a version of BM/bench with one designation per name; times the import and until the tenant's cursor passed it.</summary>
    private static async Task<(TimeSpan Import, TimeSpan Delta)> DeltaAsync(IGrainFactory grains, IMonitoringGrain monitoring, IReadOnlyList<string> designationNames)
    {
        var document = new StringBuilder("{\"format\":\"national-json\",\"formatVersion\":1,\"list\":\"BM/bench\",\"title\":\"bench\",\"publicationDate\":\"2024-01-01\",\"designations\":[");
        for (var d = 0; d < designationNames.Count; d++)
        {
            document.Append(d == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"{{\"id\":\"BM-{d}\",\"type\":\"individual\",\"names\":[{{\"name\":\"{designationNames[d]}\",\"quality\":\"primary\"}}],\"revisions\":[{{\"kind\":\"listed\",\"effective\":\"2024-01-01\",\"reason\":\"bench\"}}]}}");
        }

        document.Append("]}");
        var delta = Stopwatch.StartNew();
        var summary = await grains.GetGrain<IJurisdictionGrain>(GrainKeys.Jurisdiction("BM"))
            .Import(new ImportRequest("bench", "national-json", Encoding.UTF8.GetBytes(document.ToString()), null, null));
        var imported = delta.Elapsed;
        while ((await monitoring.Cursors()).GetValueOrDefault("BM/bench") < summary.Version)
        {
            await Task.Delay(20);
        }

        return (imported, delta.Elapsed);
    }

    /// <summary>Deterministic person names from a few thousand generated given names and surnames.</summary>
    private sealed class NameGenerator(int seed)
    {
        private static readonly string[] Syllables = ["al", "ber", "ka", "mi", "ra", "to", "sen", "dar", "li", "vo", "na", "zh", "ek", "or", "an", "gul", "tem", "ir", "sa", "nov", "ba", "ev", "yk", "ul"];
        private readonly Random _random = new(seed);
        private readonly string[] _given = Vocabulary(new Random(seed + 1), 3_000, 2);
        private readonly string[] _family = Vocabulary(new Random(seed + 2), 20_000, 3);

        public string Person() => _given[_random.Next(_given.Length)] + " " + _family[_random.Next(_family.Length)];

        private static string[] Vocabulary(Random random, int count, int syllables)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            while (words.Count < count)
            {
                var word = new StringBuilder();
                for (var s = 0; s < syllables + random.Next(2); s++)
                {
                    word.Append(Syllables[random.Next(Syllables.Length)]);
                }

                word[0] = char.ToUpperInvariant(word[0]);
                words.Add(word.ToString());
            }

            return [.. words];
        }
    }
}
