using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Screening;

/// <summary>
/// The seed's scenario on a three-silo cluster (three hosts, one database, ADO.NET membership): every silo answers
/// alike, and a delisting recorded through one silo is reflected by every silo as soon as the call returns.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiSiloTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly List<TestHost> _silos = [];

    public async Task InitializeAsync()
    {
        var first = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        _silos.Add(first);
        _silos.Add(await first.StartSiblingAsync());
        _silos.Add(await first.StartSiblingAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }
    }

    private static ScreenRequest Request(string name, string asOf) => new() { Subject = new Subject { Names = { name } }, AsOf = asOf };

    [Fact]
    public async Task SeedScenario_OnEverySilo_AnswersPerJurisdictionAndDate()
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_silos[0].Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "almaty-bank", DisplayName = "Almaty bank", Subscriptions = { new Subscription { Jurisdiction = "KZ" }, new Subscription { Jurisdiction = "UN" } } });
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "moscow-bank", DisplayName = "Moscow bank", Subscriptions = { new Subscription { Jurisdiction = "RU" } } });
        var almatyKey = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "almaty-bank", Role = ApiKeyRole.Screening })).Secret;
        var moscowKey = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "moscow-bank", Role = ApiKeyRole.Screening })).Secret;

        foreach (var silo in _silos)
        {
            var almaty = new ScreeningService.ScreeningServiceClient(silo.Channel(almatyKey));
            var moscow = new ScreeningService.ScreeningServiceClient(silo.Channel(moscowKey));
            foreach (var name in new[] { "Taliban", "Талибан" })
            {
                var before = await almaty.ScreenAsync(Request(name, "2023-08-15"));
                var after = await almaty.ScreenAsync(Request(name, "2024-01-15"));
                var kzHit = Assert.Single(before.Hits, h => h.Jurisdiction == "KZ");
                Assert.Equal("2005-03-15", kzHit.ListedOn);
                Assert.Contains("Supreme Court", kzHit.LegalBasis, StringComparison.Ordinal);
                Assert.DoesNotContain(after.Hits, h => h.Jurisdiction == "KZ");
                Assert.Equal("2023-12-29", Assert.Single(after.FormerDesignations, h => h.Jurisdiction == "KZ").DelistedOn);
            }

            foreach (var asOf in new[] { "2023-08-15", "2024-01-15" })
            {
                var leader = await almaty.ScreenAsync(Request("Mohammad Hassan Akhund", asOf));
                Assert.Contains(leader.Hits, h => h.DesignationId == "UN/consolidated/TAi.002");
            }

            Assert.Equal(Decision.PotentialMatch, (await moscow.ScreenAsync(Request("Taliban", "2025-01-01"))).Decision);
            Assert.Equal(Decision.Clear, (await moscow.ScreenAsync(Request("Taliban", "2025-05-01"))).Decision);
        }
    }

    [Fact]
    public async Task RecordDelisting_ThroughOneSilo_EverySiloAnswersWithTheNewVersionAtOnce()
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_silos[0].Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "dushanbe-bank", DisplayName = "D", Subscriptions = { new Subscription { Jurisdiction = "TJ" } } });
        var key = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "dushanbe-bank", Role = ApiKeyRole.Screening })).Secret;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var silo in _silos)
        {
            Assert.Equal(Decision.PotentialMatch, (await new ScreeningService.ScreeningServiceClient(silo.Channel(key)).ScreenAsync(Request("Taliban", today))).Decision);
        }

        var lists = new ListAdminService.ListAdminServiceClient(_silos[1].Channel(TestHost.OperatorKey));
        var result = await lists.RecordDelistingAsync(new RecordDelistingRequest
        {
            DesignationId = "TJ/terrorist-organisations/TJ-TO-TALIBAN",
            EffectiveDate = "2026-01-01",
            Reason = "multi-silo test",
        });
        Assert.Equal(3, result.SilosConfirmed);
        Assert.Equal(0, result.SilosWaitedOut);

        foreach (var silo in _silos)
        {
            var answer = await new ScreeningService.ScreeningServiceClient(silo.Channel(key)).ScreenAsync(Request("Taliban", today));
            Assert.Equal(Decision.Clear, answer.Decision);
            Assert.Equal(result.Version, Assert.Single(answer.ListVersions).Version);
        }
    }
}
