using Grpc.Core;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Screening;

/// <summary>
/// The case that defines the product, end to end over gRPC on the demo seed: one name, different answers per
/// jurisdiction and per date, and a delisting that no answer after its return ignores.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TalibanCaseTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ScreeningService.ScreeningServiceClient> TenantAsync(string id, params string[] jurisdictions)
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        var request = new CreateTenantRequest { TenantId = id, DisplayName = id };
        request.Subscriptions.AddRange(jurisdictions.Select(j => new Subscription { Jurisdiction = j }));
        await admin.CreateTenantAsync(request);
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = id, Role = ApiKeyRole.Screening });
        return new ScreeningService.ScreeningServiceClient(_host.Channel(key.Secret));
    }

    private static ScreenRequest Request(string name, string asOf, SubjectType type = SubjectType.Unspecified) =>
        new() { Subject = new Subject { Names = { name }, Type = type }, AsOf = asOf, ClientReference = "cust-" + name.Length };

    [Fact]
    public async Task Screen_TalibanForKazakhBank_HitBeforeDelistingFormerAfter()
    {
        var client = await TenantAsync("almaty-bank", "KZ", "UN");

        var before = await client.ScreenAsync(Request("Taliban", "2023-08-15"));
        var after = await client.ScreenAsync(Request("Taliban", "2024-01-15"));

        Assert.Equal(Decision.PotentialMatch, before.Decision);
        var hit = Assert.Single(before.Hits, h => h.Jurisdiction == "KZ");
        Assert.Equal("KZ/terrorist-organisations", hit.ListId);
        Assert.Equal("2005-03-15", hit.ListedOn);
        Assert.Contains("Supreme Court", hit.LegalBasis, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(hit.Explanation));

        Assert.Equal(Decision.Clear, after.Decision);
        Assert.DoesNotContain(after.Hits, h => h.Jurisdiction == "KZ");
        var former = Assert.Single(after.FormerDesignations, h => h.Jurisdiction == "KZ");
        Assert.Equal("2023-12-29", former.DelistedOn);
        Assert.Contains(after.ListVersions, v => v.ListId == "KZ/terrorist-organisations" && v.Version >= 1);
    }

    [Theory]
    [InlineData("Талибан")]
    [InlineData("طالبان")]
    [InlineData("TALIBAN MOVEMENT")]
    public async Task Screen_TalibanInOtherScripts_HitsRussianListUntilApril2025(string name)
    {
        var client = await TenantAsync("moscow-bank-" + Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 1000), "RU");

        var listed = await client.ScreenAsync(Request(name, "2024-06-01"));
        var delisted = await client.ScreenAsync(Request(name, "2025-05-01"));

        Assert.Equal(Decision.PotentialMatch, listed.Decision);
        Assert.Equal("RU", Assert.Single(listed.Hits).Jurisdiction);
        Assert.Equal(Decision.Clear, delisted.Decision);
        Assert.Equal("2025-04-17", Assert.Single(delisted.FormerDesignations).DelistedOn);
    }

    [Fact]
    public async Task Screen_TalibanLeader_StaysListedOnUnAfterKazakhDelisting()
    {
        var client = await TenantAsync("leaders-bank", "KZ", "UN");

        var response = await client.ScreenAsync(Request("Amir Khan Muttaqi", "2024-01-15", SubjectType.Individual));

        Assert.Equal(Decision.PotentialMatch, response.Decision);
        var hit = Assert.Single(response.Hits);
        Assert.Equal("UN/consolidated/TAi.026", hit.DesignationId);
    }

    [Fact]
    public async Task RecordDelisting_WhenItReturns_NoAnswerUsesTheOldList()
    {
        var client = await TenantAsync("dushanbe-bank", "TJ");
        var lists = new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = await client.ScreenAsync(Request("Taliban", today));
        Assert.Equal(Decision.PotentialMatch, before.Decision);
        var designationId = Assert.Single(before.Hits).DesignationId;

        var result = await lists.RecordDelistingAsync(new RecordDelistingRequest
        {
            DesignationId = designationId,
            EffectiveDate = "2026-01-01",
            LegalBasis = "test decision",
            Reason = "test delisting",
        });
        var after = await client.ScreenAsync(Request("Taliban", today));

        Assert.Equal(Decision.Clear, after.Decision);
        Assert.Equal("test delisting", Assert.Single(after.FormerDesignations).DelistingReason);
        Assert.Contains(after.ListVersions, v => v.ListId == "TJ/terrorist-organisations" && v.Version == result.Version);
        var history = await lists.GetDesignationAsync(new GetDesignationRequest { DesignationId = designationId });
        Assert.Equal(["listed", "delisted"], history.Revisions.Select(r => r.Kind));
        Assert.False(history.InForce);
    }

    [Fact]
    public async Task Screen_SameSubjectTwice_SecondAnswerComesFromTheTenantCacheWithItsOwnAuditId()
    {
        var client = await TenantAsync("cached-bank", "KZ");
        var cache = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Screening.Grains.Screening.ScreeningResultCache>(_host.Host.Services);

        var first = await client.ScreenAsync(Request("Taliban Movement", "2023-08-15"));
        var hitsBefore = cache.Hits;
        var second = await client.ScreenAsync(Request("Taliban Movement", "2023-08-15"));

        Assert.Equal(hitsBefore + 1, cache.Hits);
        Assert.Equal(first.Hits, second.Hits);
        Assert.NotEqual(first.ScreeningId, second.ScreeningId);
    }

    [Fact]
    public async Task Screen_AllowListedDesignation_IsSuppressedForThatTenantOnly()
    {
        var client = await TenantAsync("allowing-bank", "RU");
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.AddAllowListEntryAsync(new AddAllowListEntryRequest
        {
            TenantId = "allowing-bank",
            Entry = new AllowListEntry { DesignationId = "RU/terrorist-organisations/RU-TO-TALIBAN", Note = "reviewed" },
        });

        // The silo caches tenant configuration for up to a second; wait for the condition, bounded.
        ScreenResponse response = null!;
        for (var i = 0; i < 40; i++)
        {
            response = await client.ScreenAsync(Request("Taliban", "2024-06-01"));
            if (response.Decision == Decision.Clear)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(Decision.Clear, response.Decision);
        Assert.Empty(response.Hits);
    }

    [Theory]
    [InlineData("", "subject.names")]
    [InlineData("2023-13-01", "as_of")]
    public async Task Screen_InvalidRequest_IsInvalidArgumentNamingTheField(string name, string field)
    {
        var client = await TenantAsync("strict-bank-" + field.Length, "KZ");
        var request = Request(name.Length == 0 ? " " : "Taliban", name.Length == 0 ? "2024-01-01" : name);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ScreenAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestScreen_PostJson_AnswersLikeGrpc()
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "rest-bank", DisplayName = "R", Subscriptions = { new Subscription { Jurisdiction = "KZ" } } });
        var key = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "rest-bank", Role = ApiKeyRole.Screening });
        using var http = new HttpClient { BaseAddress = _host.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen")
        {
            Content = new StringContent("{\"subject\":{\"names\":[\"Taliban\"]},\"asOf\":\"2023-08-15\",\"clientReference\":\"rest-1\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Secret);
        using var unauthenticated = new HttpRequestMessage(HttpMethod.Post, "/v1/screen") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var denied = await http.SendAsync(unauthenticated);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var parsed = ScreenResponse.Parser.ParseJson(body);
        Assert.Equal(Decision.PotentialMatch, parsed.Decision);
        Assert.Equal("rest-1", parsed.ClientReference);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    public static TheoryData<string, ScreenRequest> BadRequests => new()
    {
        { "subject", new ScreenRequest() },
        { "subject.names", new ScreenRequest { Subject = new Subject { Names = { "  ", "\t" } } } },
        { "subject.names", new ScreenRequest { Subject = new Subject { Names = { Enumerable.Repeat("Taliban", 33) } } } },
        { "subject.names[0]", new ScreenRequest { Subject = new Subject { Names = { new string('a', 1025) } } } },
        { "subject.type", new ScreenRequest { Subject = new Subject { Names = { "Taliban" }, Type = (SubjectType)99 } } },
        { "subject.birth_dates[0]", new ScreenRequest { Subject = new Subject { Names = { "Taliban" }, BirthDates = { new PartialDate { Year = 1990, Month = 2, Day = 30 } } } } },
        { "subject.birth_dates[0]", new ScreenRequest { Subject = new Subject { Names = { "Taliban" }, BirthDates = { new PartialDate { Year = 2999 } } } } },
        { "subject.countries[0]", new ScreenRequest { Subject = new Subject { Names = { "Taliban" }, Countries = { "Kazakhstan" } } } },
        { "as_of", new ScreenRequest { Subject = new Subject { Names = { "Taliban" } }, AsOf = "3024-01-01" } },
        { "min_score", new ScreenRequest { Subject = new Subject { Names = { "Taliban" } }, MinScore = 1.5 } },
        { "client_reference", new ScreenRequest { Subject = new Subject { Names = { "Taliban" } }, ClientReference = new string('r', 201) } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Screen_BadInput_IsInvalidArgumentNamingTheField(string field, ScreenRequest request)
    {
        var client = await TenantAsync("bad-input-" + Guid.NewGuid().ToString("N")[..8], "KZ");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ScreenAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenBatch_OverTheLimit_IsInvalidArgument()
    {
        var client = await TenantAsync("batch-limit", "KZ");
        var batch = new ScreenBatchRequest();
        batch.Requests.AddRange(Enumerable.Range(0, 1001).Select(_ => Request("x", "2024-01-01")));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ScreenBatchAsync(batch));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("requests:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_ControlCharactersAndBidiMarks_AreIgnored()
    {
        var client = await TenantAsync("noisy-input", "KZ");

        var response = await client.ScreenAsync(Request("\u200FTal\u0000iban\u202E", "2023-08-15"));

        Assert.Equal(Decision.PotentialMatch, response.Decision);
    }

    [Fact]
    public async Task Screen_OverTheTenantRate_IsResourceExhaustedForThatTenantOnly()
    {
        await using var host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["RateLimit:RequestsPerSecond"] = "1", ["RateLimit:Burst"] = "3" });
        var admin = new TenantAdminService.TenantAdminServiceClient(host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "busy-bank", DisplayName = "B" });
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = "quiet-bank", DisplayName = "Q" });
        var busy = new ScreeningService.ScreeningServiceClient(host.Channel((await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "busy-bank", Role = ApiKeyRole.Screening })).Secret));
        var quiet = new ScreeningService.ScreeningServiceClient(host.Channel((await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = "quiet-bank", Role = ApiKeyRole.Screening })).Secret));

        var statuses = new List<StatusCode>();
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await busy.PingAsync(new Google.Protobuf.WellKnownTypes.Empty());
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                statuses.Add(e.StatusCode);
            }
        }

        Assert.Contains(StatusCode.ResourceExhausted, statuses);
        Assert.All(statuses, s => Assert.True(s is StatusCode.OK or StatusCode.ResourceExhausted));
        Assert.NotNull(await quiet.PingAsync(new Google.Protobuf.WellKnownTypes.Empty()));
    }

    [Fact]
    public async Task Screen_WithOperatorKey_IsPermissionDenied()
    {
        var client = new ScreeningService.ScreeningServiceClient(_host.Channel(TestHost.OperatorKey));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ScreenAsync(Request("Taliban", "2024-01-01")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task ScreenBatchAndStream_ManySubjects_AnswerEachWithItsReference()
    {
        var client = await TenantAsync("bulk-bank", "KZ", "UN");
        var requests = Enumerable.Range(0, 40).Select(i => new ScreenRequest
        {
            Subject = new Subject { Names = { i % 4 == 0 ? "Taliban" : $"Customer Number{i} Smith" } },
            ClientReference = $"ref-{i}",
            AsOf = "2023-06-01",
        }).ToList();

        var batch = await client.ScreenBatchAsync(new ScreenBatchRequest { Requests = { requests } });
        using var stream = client.ScreenStream();
        foreach (var r in requests)
        {
            await stream.RequestStream.WriteAsync(r);
        }

        await stream.RequestStream.CompleteAsync();
        var streamed = new List<ScreenResponse>();
        await foreach (var r in stream.ResponseStream.ReadAllAsync())
        {
            streamed.Add(r);
        }

        Assert.Equal(requests.Select(r => r.ClientReference), batch.Responses.Select(r => r.ClientReference));
        Assert.Equal(10, batch.Responses.Count(r => r.Decision == Decision.PotentialMatch));
        Assert.Equal(requests.Select(r => r.ClientReference).Order(), streamed.Select(r => r.ClientReference).Order());
        Assert.All(streamed, r => Assert.Equal(
            int.Parse(r.ClientReference[4..], System.Globalization.CultureInfo.InvariantCulture) % 4 == 0 ? Decision.PotentialMatch : Decision.Clear,
            r.Decision));
        Assert.Equal(80, batch.Responses.Concat(streamed).Select(r => r.ScreeningId).Distinct().Count());
    }

    [Fact]
    public async Task Screen_Answer_IsAuditedWithItsListVersions()
    {
        var client = await TenantAsync("audited-bank", "KZ");
        var response = await client.ScreenAsync(Request("Taliban", "2023-08-15"));
        var admin = new AuditService.AuditServiceClient(_host.Channel(TestHost.OperatorKey));

        var record = await admin.GetScreeningAsync(new GetScreeningRequest { TenantId = "audited-bank", ScreeningId = response.ScreeningId });

        Assert.Equal(Decision.PotentialMatch, record.Decision);
        Assert.Equal("2023-08-15", record.AsOf);
        Assert.Equal(response.ListVersions, record.ListVersions);
        Assert.Equal(response, ScreenResponse.Parser.ParseJson(record.ResponseJson));
    }
}
