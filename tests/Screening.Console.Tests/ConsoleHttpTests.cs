using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Console.Tests;

/// <summary>
/// What the web console relies on over plain HTTP/1.1, without a browser: the embedded files, <c>/v1/session</c>, and
/// the REST/JSON transcoding of the tenant-admin calls with the same authorisation as gRPC.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConsoleHttpTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestHost _host = null!;
    private string _adminKey = null!;
    private string _otherAdminKey = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        _adminKey = await AdminKeyAsync("http-bank");
        _otherAdminKey = await AdminKeyAsync("other-http-bank");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Console_Files_ServedFromTheHostWithoutExternalResources()
    {
        using var http = Client(null);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.HttpAddress };

        var page = await http.GetAsync("/console/");
        var script = await http.GetAsync("/console/app.js");
        var redirect = await noRedirect.GetAsync("/console");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"sign-in-key\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("https://", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/console/", redirect.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Session_KnownUnknownAndMissingKey_TenantAndRoleOr401()
    {
        using var known = Client(_adminKey);
        using var unknown = Client("sk_0123456789abcdef_made-up");
        using var none = Client(null);

        var session = await known.GetAsync("/v1/session");
        var rejected = await unknown.GetAsync("/v1/session");
        var missing = await none.GetAsync("/v1/session");

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
        Assert.Equal("http-bank", json.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-admin", json.RootElement.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task RestTenantAdmin_OwnTenantOtherTenantAndBadInput_OkForbiddenBadRequest()
    {
        using var own = Client(_adminKey);
        using var other = Client(_otherAdminKey);

        var subscriptions = await own.PutAsync("/v1/tenants/http-bank/subscriptions", Json("""{"subscriptions":[{"jurisdiction":"KZ"},{"jurisdiction":"RU"}]}"""));
        var foreign = await other.GetAsync("/v1/tenants/http-bank");
        var foreignChange = await other.PutAsync("/v1/tenants/http-bank/threshold", Json("""{"threshold":0.5}"""));
        var badThreshold = await own.PutAsync("/v1/tenants/http-bank/threshold", Json("""{"threshold":7}"""));
        var listsRead = await own.GetAsync("/v1/jurisdictions");

        Assert.Equal(HttpStatusCode.OK, subscriptions.StatusCode);
        var tenant = await new TenantAdminService.TenantAdminServiceClient(_host.Channel(_adminKey)).GetTenantAsync(new GetTenantRequest { TenantId = "http-bank" });
        Assert.Equal(["KZ", "RU"], tenant.Subscriptions.Select(s => s.Jurisdiction).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignChange.StatusCode);
        Assert.Equal(0.85, tenant.Threshold, 3);
        Assert.Equal(HttpStatusCode.BadRequest, badThreshold.StatusCode);
        Assert.Contains("threshold", await badThreshold.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, listsRead.StatusCode);
        Assert.Contains("KZ/terrorist-organisations", await listsRead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = _host.HttpAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<string> AdminKeyAsync(string tenantId)
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await admin.CreateTenantAsync(new CreateTenantRequest { TenantId = tenantId, DisplayName = tenantId, Subscriptions = { new Subscription { Jurisdiction = "KZ" } } });
        return (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = tenantId, Role = ApiKeyRole.TenantAdmin })).Secret;
    }
}
