using OpenQA.Selenium;
using Screening.Console.Tests.Infrastructure;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Console.Tests;

/// <summary>
/// The web console (issue 9) in a real headless Chromium against a real host on the demo seed (the Taliban case):
/// sign in, change a subscription, screen "Taliban" as of two dates, decide an alert. What the page shows is checked,
/// and so is what the server recorded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WebConsoleTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string TenantId = "console-bank";
    private TestHost _host = null!;
    private ConsoleBrowser _browser = null!;
    private string _adminKey = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "true",
            ["Monitoring:Shards"] = "2",
            ["Monitoring:DispatchDelay"] = "00:00:00.050",
            ["Monitoring:WatchPollInterval"] = "00:00:00.050",
        });
        var admin = Tenants(TestHost.OperatorKey);
        await admin.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantId,
            DisplayName = "Console Bank",
            Subscriptions = { new Subscription { Jurisdiction = "KZ" }, new Subscription { Jurisdiction = "UN" } },
        });
        _adminKey = (await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = TenantId, Role = ApiKeyRole.TenantAdmin, Label = "browser tests" })).Secret;
        _browser = new ConsoleBrowser(_host.HttpAddress, output);
    }

    public async Task DisposeAsync()
    {
        _browser?.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public Task SignIn_WrongKeyThenTenantAdminKey_InlineErrorThenListsWithKazakhDelisting() => _browser.RunAsync(nameof(SignIn_WrongKeyThenTenantAdminKey_InlineErrorThenListsWithKazakhDelisting), async () =>
    {
        _browser.Open("/console/");
        _browser.Fill(By.Id("sign-in-key"), "sk_0000000000000000_not-a-real-key");
        _browser.Visible(By.CssSelector("#sign-in-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("sign-in-message"), "The key was not accepted");
        Assert.True(_browser.Visible(By.Id("view-sign-in")).Displayed);

        var screeningKey = (await Tenants(TestHost.OperatorKey).IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = TenantId, Role = ApiKeyRole.Screening })).Secret;
        _browser.Fill(By.Id("sign-in-key"), screeningKey);
        _browser.Visible(By.CssSelector("#sign-in-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("sign-in-message"), "needs a tenant-admin key");

        SignIn();
        _browser.TextContains(By.Id("who"), "Tenant " + TenantId);
        var kazakh = _browser.TextContains(By.CssSelector("#overview-body [data-jurisdiction=KZ]"), "KZ: Taliban delisted 2023-12-29");
        Assert.Contains("KZ/terrorist-organisations", kazakh.Text, StringComparison.Ordinal);
        Assert.Contains("version 1", kazakh.Text, StringComparison.Ordinal);
        _browser.Visible(By.CssSelector("#overview-body [data-jurisdiction=UN]"));
    });

    [Fact]
    public Task Subscriptions_AddRussiaAndBadThreshold_SavedOnServerAndInlineError() => _browser.RunAsync(nameof(Subscriptions_AddRussiaAndBadThreshold_SavedOnServerAndInlineError), async () =>
    {
        SignIn();
        _browser.Visible(By.CssSelector("nav a[data-view=settings]")).Click();
        var russia = _browser.Visible(By.CssSelector("#subscription-choices input[value=RU]"));
        Assert.False(russia.Selected);
        Assert.True(_browser.Visible(By.CssSelector("#subscription-choices input[value=KZ]")).Selected);
        russia.Click();
        _browser.Visible(By.CssSelector("#subscriptions-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("subscriptions-message"), "Saved: subscribed to KZ, RU, UN");

        _browser.Fill(By.Id("threshold"), "7");
        _browser.Visible(By.CssSelector("#threshold-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("threshold-message"), "greater than 0 and at most 1");

        var tenant = await Tenants(_adminKey).GetTenantAsync(new GetTenantRequest { TenantId = TenantId });
        Assert.Equal(["KZ", "RU", "UN"], tenant.Subscriptions.Select(s => s.Jurisdiction).Order(StringComparer.Ordinal));
        Assert.Equal(0.85, tenant.Threshold, 3);
    });

    [Fact]
    public Task Screen_TalibanBeforeAndAfterKazakhDelisting_KazakhHitThenKazakhFormerDesignation() => _browser.RunAsync(nameof(Screen_TalibanBeforeAndAfterKazakhDelisting_KazakhHitThenKazakhFormerDesignation), () =>
    {
        SignIn();
        _browser.Visible(By.CssSelector("nav a[data-view=screen]")).Click();

        var before = ScreenTaliban("2020-01-01");
        Assert.Equal("DECISION_POTENTIAL_MATCH", before.GetAttribute("data-decision"));
        Assert.Contains("as of 2020-01-01", before.Text, StringComparison.Ordinal);
        var hits = _browser.Visible(By.XPath("//div[@id='screen-result']//table[caption[starts-with(., 'Hits')]]"));
        Assert.Contains("KZ/terrorist-organisations", hits.GetAttribute("innerHTML"), StringComparison.Ordinal);
        Assert.Contains("Taliban", hits.Text, StringComparison.Ordinal);

        var after = ScreenTaliban("2024-06-01");
        Assert.Contains("as of 2024-06-01", after.Text, StringComparison.Ordinal);
        Assert.Empty(_browser.Driver.FindElements(By.XPath("//div[@id='screen-result']//table[caption[starts-with(., 'Hits')]]//button[starts-with(@data-designation, 'KZ/')]")));
        var former = _browser.Visible(By.XPath("//div[@id='screen-result']//table[caption[starts-with(., 'Former designations')]]"));
        Assert.Contains("2005-03-15 – 2023-12-29", former.Text, StringComparison.Ordinal);

        // The designation's timeline, from the answer.
        former.FindElement(By.CssSelector("button[data-designation^='KZ/']")).Click();
        var timeline = _browser.TextContains(By.Id("timeline-result"), "delisted");
        Assert.Contains("2005-03-15", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("2023-12-29", timeline.Text, StringComparison.Ordinal);
        return Task.CompletedTask;
    });

    [Fact]
    public Task Alerts_DecideTrueMatchInBrowser_RecordedOnServer() => _browser.RunAsync(nameof(Alerts_DecideTrueMatchInBrowser_RecordedOnServer), async () =>
    {
        // An operator lists a company on a Kazakh list; the tenant then monitors a customer of that name: an alert opens.
        await new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey)).RecordDesignationAsync(new RecordDesignationRequest
        {
            ListId = "KZ/console-test-list",
            Designation = new DesignationInput { SourceId = "KZ-CONSOLE-1", Type = SubjectType.Entity, Names = { new DesignationName { FullName = "Golden Crescent Holding" } } },
            EffectiveDate = "2020-01-15",
            LegalBasis = "Test decision",
            Reason = "test designation for the browser tests",
        });
        var monitoring = new MonitoringService.MonitoringServiceClient(_host.Channel(_adminKey));
        using (var upload = monitoring.UpsertCustomers())
        {
            await upload.RequestStream.WriteAsync(new Customer { CustomerId = "c-gc", Type = SubjectType.Entity, Names = { "Golden Crescent Holding" } });
            await upload.RequestStream.WriteAsync(new Customer { CustomerId = "c-other", Type = SubjectType.Entity, Names = { "Blue River Foods" } });
            await upload.RequestStream.CompleteAsync();
            Assert.Equal(2, (await upload).Accepted);
        }

        var alert = await OpenAlertAsync(monitoring);

        SignIn();
        _browser.Visible(By.CssSelector("nav a[data-view=alerts]")).Click();
        _browser.Visible(By.CssSelector($"button[data-alert='{alert.AlertId}']")).Click();
        _browser.TextContains(By.Id("alert-detail"), "Golden Crescent Holding");
        _browser.Visible(By.CssSelector("#decide-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("decide-message"), "Choose true match or false positive");
        _browser.Visible(By.Id("decide-true")).Click();
        _browser.Visible(By.CssSelector("#decide-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("decide-message"), "A note is required");
        _browser.Fill(By.Id("decide-note"), "Same company: registration number confirmed");
        _browser.Visible(By.CssSelector("#decide-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("alerts-message"), "true match");

        var decided = await monitoring.GetAlertAsync(new GetAlertRequest { AlertId = alert.AlertId });
        Assert.Equal(AlertState.Decided, decided.State);
        Assert.Equal(AlertDecision.TrueMatch, decided.Decision);
        Assert.Equal("Same company: registration number confirmed", decided.Note);
        Assert.Empty(_browser.Driver.FindElements(By.CssSelector($"button[data-alert='{alert.AlertId}']")));
    });

    [Fact]
    public Task AllowListAndKeys_AddRemoveIssue_ChangedOnServer() => _browser.RunAsync(nameof(AllowListAndKeys_AddRemoveIssue_ChangedOnServer), async () =>
    {
        SignIn();
        _browser.Visible(By.CssSelector("nav a[data-view=allow-list]")).Click();
        _browser.TextContains(By.Id("allow-list-body"), "The allow-list is empty");
        _browser.Visible(By.CssSelector("#allow-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("allow-message"), "Enter the designation id");
        _browser.Fill(By.Id("allow-designation"), "UN/consolidated/TAi.024");
        _browser.Fill(By.Id("allow-reference"), "c-42");
        _browser.Fill(By.Id("allow-note"), "reviewed: other person");
        _browser.Visible(By.CssSelector("#allow-form button[type=submit]")).Click();
        _browser.TextContains(By.Id("allow-list-body"), "UN/consolidated/TAi.024");
        var tenants = Tenants(_adminKey);
        var added = Assert.Single((await tenants.GetTenantAsync(new GetTenantRequest { TenantId = TenantId })).AllowList);
        Assert.Equal("c-42", added.ClientReference);

        _browser.Visible(By.XPath("//div[@id='allow-list-body']//button[contains(., 'UN/consolidated/TAi.024')]")).Click();
        _browser.TextContains(By.Id("allow-list-body"), "The allow-list is empty");
        Assert.Empty((await tenants.GetTenantAsync(new GetTenantRequest { TenantId = TenantId })).AllowList);

        _browser.Visible(By.CssSelector("nav a[data-view=keys]")).Click();
        _browser.TextContains(By.Id("keys-body"), "browser tests");
        _browser.Fill(By.Id("key-label"), "issued in the console");
        _browser.Visible(By.CssSelector("#key-form button[type=submit]")).Click();
        var secret = _browser.TextContains(By.Id("key-secret"), "shown only once");
        _browser.TextContains(By.Id("keys-body"), "issued in the console");
        var keys = await tenants.ListApiKeysAsync(new ListApiKeysRequest { TenantId = TenantId });
        var issued = Assert.Single(keys.Keys, k => k.Label == "issued in the console");
        Assert.Equal(ApiKeyRole.Screening, issued.Role);
        Assert.Contains($"sk_{issued.KeyId}_", secret.Text, StringComparison.Ordinal);
    });

    private void SignIn()
    {
        _browser.Open("/console/");
        _browser.Fill(By.Id("sign-in-key"), _adminKey);
        _browser.Visible(By.CssSelector("#sign-in-form button[type=submit]")).Click();
        _browser.Visible(By.Id("view-overview"));
    }

    private IWebElement ScreenTaliban(string asOf)
    {
        _browser.Fill(By.Id("screen-name"), "Taliban");
        _browser.SetValue(By.Id("screen-as-of"), asOf);
        _browser.Visible(By.CssSelector("#screen-form button[type=submit]")).Click();
        return _browser.Until(
            d => d.FindElements(By.Id("screen-decision")).FirstOrDefault(e => e.Displayed && e.Text.Contains("as of " + asOf, StringComparison.Ordinal)),
            "the answer as of " + asOf);
    }

    private static async Task<Alert> OpenAlertAsync(MonitoringService.MonitoringServiceClient monitoring)
    {
        for (var i = 0; i < 450; i++)
        {
            var open = await monitoring.ListAlertsAsync(new ListAlertsRequest { State = AlertState.Open });
            if (open.Alerts.Count > 0)
            {
                return Assert.Single(open.Alerts);
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no alert opened for the monitored customer");
    }

    private TenantAdminService.TenantAdminServiceClient Tenants(string key) => new(_host.Channel(key));
}
