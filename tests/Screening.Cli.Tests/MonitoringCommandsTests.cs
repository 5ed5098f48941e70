using System.Text.Json;
using Screening.Cli.Tests.Infrastructure;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Cli.Tests;

/// <summary>
/// <c>customers upload|remove</c> and <c>alerts list|show|decide|watch</c> against a real host (issue 9): an operator
/// records a designation, the tenant uploads a customer with that name, monitoring opens an alert, the CLI decides it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonitoringCommandsTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "screenctl-mon-" + Guid.NewGuid().ToString("N"));
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "true",
            ["Monitoring:Shards"] = "4",
            ["Monitoring:DispatchDelay"] = "00:00:00.050",
            ["Monitoring:WatchPollInterval"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CustomersUpload_BrokenRows_ReportsRowAndReasonUploadsRestExitPartial()
    {
        var key = await AdminKeyAsync("upload-cli-bank");
        var input = Write("customers.csv",
            "reference,name,dob,country,type",
            "c1,Steppe Grain Trading LLP,,KZ,entity",
            "c2,Bad Country Ltd,,Kazakhstan,entity",
            ",No Reference Ltd,,KZ,entity",
            "c4,Aigerim Nurlanovna Sadykova,1990-04-02,KZ,individual");

        var readable = await Screenctl.RunAsync(_host, key, "customers", "upload", input);
        var json = await Screenctl.RunAsync(_host, key, "customers", "upload", input, "--json");

        Assert.True(readable.ExitCode == ExitCodes.Partial, readable.ToString());
        Assert.Contains("customers.csv: row 3: country 'Kazakhstan' is not an ISO 3166 alpha-2 code", readable.Error, StringComparison.Ordinal);
        Assert.Contains("customers.csv: row 4: reference (the customer id) is empty", readable.Error, StringComparison.Ordinal);
        Assert.Contains("uploaded 2 customers", readable.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Partial, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(2, doc.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal([3L, 4L], doc.RootElement.GetProperty("rejects").EnumerateArray().Select(r => r.GetProperty("row").GetInt64()));
    }

    [Fact]
    public async Task CustomersUpload_NoReferenceColumnOrScreeningKey_FailsWithOneLine()
    {
        var admin = await AdminKeyAsync("noref-cli-bank");
        var screening = await PlatformSetup.TenantKeyAsync(_host, "weak-cli-bank", "KZ");
        var noReference = Write("names.csv", "name", "Taliban");
        var good = Write("good.csv", "reference,name", "c1,Taliban");

        var missingColumn = await Screenctl.RunAsync(_host, admin, "customers", "upload", noReference);
        var weakKey = await Screenctl.RunAsync(_host, screening, "customers", "upload", good);

        Assert.Equal(ExitCodes.Usage, missingColumn.ExitCode);
        Assert.Contains("no 'reference' column", Assert.Single(ConnectionTests.Lines(missingColumn.Error)), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Auth, weakKey.ExitCode);
        Assert.Contains("PERMISSION_DENIED", Assert.Single(ConnectionTests.Lines(weakKey.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsDecide_AlertFromUploadedCustomer_ListedShownAndDecided()
    {
        var key = await AdminKeyAsync("alerts-cli-bank");
        await RecordAsync("KZ/cli-alert-list", "KZ-CLI-1", "Golden Crescent Holding");
        var input = Write("book.csv", "reference,name,type", "c-gc,Golden Crescent Holding,entity", "c-other,Blue River Foods,entity");
        var upload = await Screenctl.RunAsync(_host, key, "customers", "upload", input);
        Assert.True(upload.ExitCode == 0, upload.ToString());

        var alertId = await EventuallyAsync(async () =>
        {
            var list = await Screenctl.RunAsync(_host, key, "alerts", "list", "--state", "open", "--json");
            Assert.True(list.ExitCode == 0, list.ToString());
            using var doc = JsonDocument.Parse(list.Output);
            return doc.RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetString()).FirstOrDefault();
        });
        var readableList = await Screenctl.RunAsync(_host, key, "alerts", "list");
        var noNote = await Screenctl.RunAsync(_host, key, "alerts", "decide", alertId, "true-match");
        var decided = await Screenctl.RunAsync(_host, key, "alerts", "decide", alertId, "false-positive", "--note", "other company, other registration", "--json");
        var shown = await Screenctl.RunAsync(_host, key, "alerts", "show", alertId);
        var openAfter = await Screenctl.RunAsync(_host, key, "alerts", "list", "--state", "open", "--json");

        Assert.Contains("c-gc", readableList.Output, StringComparison.Ordinal);
        Assert.Contains("KZ/cli-alert-list/KZ-CLI-1", readableList.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noNote.ExitCode);
        Assert.True(decided.ExitCode == 0, decided.ToString());
        using (var doc = JsonDocument.Parse(decided.Output))
        {
            Assert.Equal("ALERT_STATE_DECIDED", doc.RootElement.GetProperty("state").GetString());
            Assert.Equal("ALERT_DECISION_FALSE_POSITIVE", doc.RootElement.GetProperty("decision").GetString());
        }

        Assert.Contains("false positive", shown.Output, StringComparison.Ordinal);
        Assert.Contains("other company, other registration", shown.Output, StringComparison.Ordinal);
        using var open = JsonDocument.Parse(openAfter.Output);
        Assert.Empty(open.RootElement.GetProperty("alerts").EnumerateArray());
    }

    [Fact]
    public async Task AlertsWatch_CustomerMatchingDesignationUploaded_PrintsOpenedAlertAsJsonLine()
    {
        var key = await AdminKeyAsync("watch-cli-bank");
        await RecordAsync("KZ/cli-watch-list", "KZ-CLI-W", "Northern Star Shipping");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var watch = Program.RunAsync(["alerts", "watch", "--count", "1", "--json", "--endpoint", _host.GrpcAddress.ToString(), "--key", key], output, error, stop.Token);

        // The watch starts from "now" when the server receives it; keep opening alerts until it has seen one.
        for (var i = 0; !watch.IsCompleted && i < 100; i++)
        {
            var file = Write($"w{i}.csv", "reference,name,type", $"c-w-{i},Northern Star Shipping,entity");
            var upload = await Screenctl.RunAsync(_host, key, "customers", "upload", file);
            Assert.True(upload.ExitCode == 0, upload.ToString());
            await Task.WhenAny(watch, Task.Delay(500));
        }

        var code = await watch;

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        var line = Assert.Single(ConnectionTests.Lines(output.ToString()));
        using var change = JsonDocument.Parse(line);
        var alert = change.RootElement.GetProperty("alert");
        Assert.True(long.Parse(change.RootElement.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0); // int64 is a string in protobuf JSON
        Assert.Equal("ALERT_STATE_OPEN", alert.GetProperty("state").GetString());
        Assert.StartsWith("c-w-", alert.GetProperty("customerId").GetString(), StringComparison.Ordinal);
        Assert.Equal("KZ/cli-watch-list/KZ-CLI-W", alert.GetProperty("designationId").GetString());
    }

    [Fact]
    public async Task CustomersRemove_CustomerWithOpenAlert_ClosesIt()
    {
        var key = await AdminKeyAsync("remove-cli-bank");
        await RecordAsync("KZ/cli-remove-list", "KZ-CLI-R", "Silver Lake Minerals");
        Assert.Equal(0, (await Screenctl.RunAsync(_host, key, "customers", "upload", Write("r.csv", "reference,name,type", "c-r,Silver Lake Minerals,entity"))).ExitCode);
        await EventuallyAsync(async () =>
        {
            using var doc = JsonDocument.Parse((await Screenctl.RunAsync(_host, key, "alerts", "list", "--state", "open", "--json")).Output);
            return doc.RootElement.GetProperty("alerts").GetArrayLength() > 0 ? "open" : null;
        });

        var removed = await Screenctl.RunAsync(_host, key, "customers", "remove", "c-r", "c-unknown", "--json");
        var closed = await Screenctl.RunAsync(_host, key, "alerts", "list", "--state", "closed");

        Assert.True(removed.ExitCode == 0, removed.ToString());
        using var doc = JsonDocument.Parse(removed.Output);
        Assert.Equal(1, doc.RootElement.GetProperty("removed").GetInt32());
        Assert.Contains("c-r", closed.Output, StringComparison.Ordinal);
    }

    private async Task<string> AdminKeyAsync(string tenantId)
    {
        Assert.Equal(0, (await Screenctl.RunAsync(_host, TestHost.OperatorKey, "tenants", "create", tenantId, "--subscribe", "KZ")).ExitCode);
        var issued = await Screenctl.RunAsync(_host, TestHost.OperatorKey, "keys", "issue", tenantId, "--role", "tenant-admin");
        Assert.True(issued.ExitCode == 0, issued.ToString());
        return issued.Output.Trim();
    }

    private async Task RecordAsync(string listId, string sourceId, string name)
    {
        var lists = new ListAdminService.ListAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        await lists.RecordDesignationAsync(new RecordDesignationRequest
        {
            ListId = listId,
            Designation = new DesignationInput { SourceId = sourceId, Type = SubjectType.Entity, Names = { new DesignationName { FullName = name } } },
            EffectiveDate = "2020-01-15",
            LegalBasis = "Test decision of the Supreme Court",
            Reason = "test designation",
        });
    }

    private static async Task<string> EventuallyAsync(Func<Task<string?>> read)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("timed out waiting for an open alert");
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
