using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Screening.Contracts.V1;
using IMonitoringGrain = Screening.Grains.Abstractions.Monitoring.IMonitoringGrain;
using MonitoringKeys = Screening.Grains.Abstractions.Monitoring.MonitoringKeys;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Monitoring;

/// <summary>
/// Continuous monitoring end to end over gRPC on the demo seed (issue 6, part 2): customers uploaded, list changes
/// re-screened as deltas, alerts opened, closed by a delisting and decided; no wall-clock assertions, conditions are
/// awaited with bounded polling.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MonitoringTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string KazakhReason = "the UN Security Council does not treat the movement as a terrorist organisation";
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(postgres, new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Monitoring:Shards"] = "4",
        ["Monitoring:DispatchDelay"] = "00:00:00.050",
        ["Monitoring:WatchPollInterval"] = "00:00:00.050",
        ["Monitoring:IndexRebuildDelay"] = "00:00:00.050",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed record Keys(string Admin, string Screening);

    private async Task<Keys> TenantAsync(string id, params string[] jurisdictions)
    {
        var admin = new TenantAdminService.TenantAdminServiceClient(_host.Channel(TestHost.OperatorKey));
        var request = new CreateTenantRequest { TenantId = id, DisplayName = id };
        request.Subscriptions.AddRange(jurisdictions.Select(j => new Subscription { Jurisdiction = j }));
        await admin.CreateTenantAsync(request);
        var adminKey = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = id, Role = ApiKeyRole.TenantAdmin });
        var screeningKey = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { TenantId = id, Role = ApiKeyRole.Screening });
        return new Keys(adminKey.Secret, screeningKey.Secret);
    }

    private MonitoringService.MonitoringServiceClient Client(string key) => new(_host.Channel(key));

    private ListAdminService.ListAdminServiceClient Lists() => new(_host.Channel(TestHost.OperatorKey));

    private static Customer Customer(string id, string name, SubjectType type = SubjectType.Entity, params string[] countries)
    {
        var c = new Customer { CustomerId = id, Type = type, Names = { name } };
        c.Countries.AddRange(countries);
        return c;
    }

    private static async Task<UpsertCustomersResponse> UploadAsync(MonitoringService.MonitoringServiceClient client, params Customer[] customers)
    {
        using var call = client.UpsertCustomers();
        foreach (var c in customers)
        {
            await call.RequestStream.WriteAsync(c);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private async Task<RevisionResult> RecordAsync(string listId, string sourceId, string name, string effective = "2005-03-15") =>
        await Lists().RecordDesignationAsync(new RecordDesignationRequest
        {
            ListId = listId,
            Designation = new DesignationInput { SourceId = sourceId, Type = SubjectType.Entity, Names = { new DesignationName { FullName = name } } },
            EffectiveDate = effective,
            LegalBasis = "Decision of the Supreme Court of the Republic of Kazakhstan",
            Reason = "recognised as a terrorist organisation",
        });

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        T value = default!;
        for (var i = 0; i < 300; i++)
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"timed out waiting for {what}; last value: {value}");
    }

    private static Task<ListAlertsResponse> AlertsAsync(MonitoringService.MonitoringServiceClient client, AlertState state = AlertState.Unspecified) =>
        client.ListAlertsAsync(new ListAlertsRequest { State = state }).ResponseAsync;

    [Fact]
    public async Task TalibanCase_DesignationOpensAlertOnlyForMatchingCustomer_DelistingClosesItAndWatchDeliversTheChange()
    {
        var keys = await TenantAsync("almaty-bank", "KZ", "UN");
        var admin = Client(keys.Admin);
        var reader = Client(keys.Screening);
        var upload = await UploadAsync(
            admin,
            Customer("c-taliban", "Taliban", SubjectType.Entity, "AF"),
            Customer("c-steppe", "Steppe Grain Trading LLP", SubjectType.Entity, "KZ"),
            Customer("c-person", "Aigerim Nurlanovna Sadykova", SubjectType.Individual, "KZ"));
        Assert.Equal(3, upload.Accepted);
        Assert.Empty(upload.Rejects);

        // The seed's KZ Taliban designation is delisted as of today: monitoring (as of today) opens nothing for it.
        await EventuallyAsync(
            () => _host.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant("almaty-bank")).CatchUp(),
            n => n == 0,
            "catch-up of the seed lists");
        Assert.Empty((await AlertsAsync(reader, AlertState.Open)).Alerts);

        // A new designation on a subscribed list: an alert opens for the matching customer only.
        var listed = await RecordAsync("KZ/test-list", "KZ-TEST-TALIBAN", "Taliban");
        var open = await EventuallyAsync(() => AlertsAsync(reader, AlertState.Open), r => r.Alerts.Count > 0, "an open alert");
        var alert = Assert.Single(open.Alerts);
        Assert.Equal("c-taliban", alert.CustomerId);
        Assert.Equal("KZ/test-list/KZ-TEST-TALIBAN", alert.DesignationId);
        Assert.Equal("KZ", alert.Jurisdiction);
        Assert.Equal("KZ/test-list", alert.ListId);
        Assert.Equal(listed.Version, alert.OpenedByVersion);
        Assert.True(alert.Score >= 0.85);
        Assert.False(string.IsNullOrWhiteSpace(alert.Explanation));

        // Kazakhstan delists it on 2023-12-29; the watcher sees the alert close with that reason.
        using var watchCancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = reader.WatchAlerts(new WatchAlertsRequest(), cancellationToken: watchCancel.Token);
        await Task.Delay(200); // let the watcher take its starting sequence before the change
        var delisted = await Lists().RecordDelistingAsync(new RecordDelistingRequest
        {
            DesignationId = "KZ/test-list/KZ-TEST-TALIBAN",
            EffectiveDate = "2023-12-29",
            LegalBasis = "Decision of the Supreme Court of the Republic of Kazakhstan",
            Reason = KazakhReason,
        });

        AlertChange change = null!;
        while (await watch.ResponseStream.MoveNext(watchCancel.Token))
        {
            change = watch.ResponseStream.Current;
            if (change.Alert.AlertId == alert.AlertId && change.Alert.State == AlertState.Closed)
            {
                break;
            }
        }

        Assert.NotNull(change);
        Assert.Equal(AlertState.Closed, change.Alert.State);
        Assert.StartsWith("delisted by KZ on 2023-12-29: " + KazakhReason, change.Alert.CloseReason, StringComparison.Ordinal);
        Assert.Equal(delisted.Version, change.Alert.ClosedByVersion);
        var closed = await reader.GetAlertAsync(new GetAlertRequest { AlertId = alert.AlertId });
        Assert.Equal(AlertState.Closed, closed.State);
        Assert.NotEmpty(closed.ClosedAt);
        Assert.Empty((await AlertsAsync(reader, AlertState.Open)).Alerts);
    }

    [Fact]
    public async Task UpsertCustomers_MalformedRecordsAndDuplicates_RejectsThoseWithIndexAndReasonAndUpdatesInPlace()
    {
        var keys = await TenantAsync("upload-bank", "KZ");
        var admin = Client(keys.Admin);

        var response = await UploadAsync(
            admin,
            Customer("c-1", "Steppe Grain Trading LLP"),
            Customer("c-2", "Bad Country Ltd", SubjectType.Entity, "Kazakhstan"),
            new Customer { CustomerId = "c-3", Names = { "  " } },
            new Customer { CustomerId = "", Names = { "No Id" } },
            Customer("c-1", "Steppe Grain Trading Limited Liability Partnership"));

        Assert.Equal(2, response.Accepted);
        Assert.Equal([1, 2, 3], response.Rejects.Select(r => r.Index));
        Assert.Equal("c-2", response.Rejects[0].CustomerId);
        Assert.StartsWith("countries[0]:", response.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("names:", response.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("customer_id:", response.Rejects[2].Reason, StringComparison.Ordinal);

        var again = await UploadAsync(admin, Customer("c-1", "Steppe Grain Trading Company"));
        Assert.Equal(1, again.Accepted);
        await using var db = NpgsqlDataSource.Create(_host.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT customer_id, names FROM monitoring_customers WHERE tenant_id = 'upload-bank'");
        await using var rows = await cmd.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync());
        Assert.Equal("c-1", rows.GetString(0));
        Assert.Equal(["Steppe Grain Trading Company"], rows.GetFieldValue<string[]>(1));
        Assert.False(await rows.ReadAsync());
    }

    [Fact]
    public async Task DecideAlert_FalsePositive_AddsAllowListEntryForCustomerAndDesignation()
    {
        var keys = await TenantAsync("deciding-bank", "KZ");
        var admin = Client(keys.Admin);
        await RecordAsync("KZ/decide-list", "KZ-DECIDE-1", "Golden Crescent Holding");
        await UploadAsync(admin, Customer("c-gc", "Golden Crescent Holding"), Customer("c-other", "Blue River Foods"));

        // A customer uploaded after the listing is screened on upload (forward), against the lists in force today.
        var alert = Assert.Single((await EventuallyAsync(() => AlertsAsync(admin, AlertState.Open), r => r.Alerts.Count > 0, "an open alert")).Alerts);
        Assert.Equal("c-gc", alert.CustomerId);

        var decided = await admin.DecideAlertAsync(new DecideAlertRequest { AlertId = alert.AlertId, Decision = AlertDecision.FalsePositive, Note = "different company, other registration" });

        Assert.Equal(AlertState.Decided, decided.State);
        Assert.Equal(AlertDecision.FalsePositive, decided.Decision);
        Assert.Equal("different company, other registration", decided.Note);
        var tenant = await new TenantAdminService.TenantAdminServiceClient(_host.Channel(keys.Admin)).GetTenantAsync(new GetTenantRequest { TenantId = "deciding-bank" });
        var entry = Assert.Single(tenant.AllowList);
        Assert.Equal("KZ/decide-list/KZ-DECIDE-1", entry.DesignationId);
        Assert.Equal("c-gc", entry.ClientReference);

        var noNote = await Assert.ThrowsAsync<RpcException>(async () => await admin.DecideAlertAsync(new DecideAlertRequest { AlertId = alert.AlertId, Decision = AlertDecision.TrueMatch }));
        Assert.Equal(StatusCode.InvalidArgument, noNote.StatusCode);
    }

    [Fact]
    public async Task Monitoring_OtherTenantOrWeakRole_IsDenied()
    {
        var a = await TenantAsync("tenant-a-bank", "KZ");
        var b = await TenantAsync("tenant-b-bank", "KZ");
        await RecordAsync("KZ/isolation-list", "KZ-ISO-1", "Northern Star Shipping");
        await UploadAsync(Client(a.Admin), Customer("a-1", "Northern Star Shipping"));
        var alert = Assert.Single((await EventuallyAsync(() => AlertsAsync(Client(a.Screening)), r => r.Alerts.Count > 0, "tenant A's alert")).Alerts);

        var otherTenant = await Assert.ThrowsAsync<RpcException>(async () => await Client(b.Screening).GetAlertAsync(new GetAlertRequest { AlertId = alert.AlertId }));
        var otherDecides = await Assert.ThrowsAsync<RpcException>(async () => await Client(b.Admin).DecideAlertAsync(new DecideAlertRequest { AlertId = alert.AlertId, Decision = AlertDecision.TrueMatch, Note = "x" }));
        var weakRole = await Assert.ThrowsAsync<RpcException>(async () => await UploadAsync(Client(a.Screening), Customer("a-2", "X")));
        var weakDecide = await Assert.ThrowsAsync<RpcException>(async () => await Client(a.Screening).DecideAlertAsync(new DecideAlertRequest { AlertId = alert.AlertId, Decision = AlertDecision.TrueMatch, Note = "x" }));
        var operatorKey = await Assert.ThrowsAsync<RpcException>(async () => await AlertsAsync(Client(TestHost.OperatorKey)));

        Assert.Equal(StatusCode.PermissionDenied, otherTenant.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherDecides.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, weakRole.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, weakDecide.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, operatorKey.StatusCode);
        Assert.Empty((await AlertsAsync(Client(b.Screening))).Alerts);
    }

    [Fact]
    public async Task CatchUp_ResumedAfterFailureMidway_NeitherLosesNorDuplicatesAlerts()
    {
        var keys = await TenantAsync("resume-bank", "KZ");
        var admin = Client(keys.Admin);
        await UploadAsync(
            admin,
            Customer("r-1", "Crimson Dawn Brigade"),
            Customer("r-2", "Crimson Dawn Brigades"),
            Customer("r-3", "Silver Birch Dairy"));
        await RecordAsync("KZ/resume-list", "KZ-RES-1", "Crimson Dawn Brigade");
        var first = await EventuallyAsync(() => AlertsAsync(admin, AlertState.Open), r => r.Alerts.Count >= 2, "two open alerts");
        var monitoring = _host.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant("resume-bank"));
        await EventuallyAsync(async () => (await monitoring.Cursors()).GetValueOrDefault("KZ/resume-list"), v => v > 0, "the cursor");

        // A run that failed after committing some alerts but before advancing the cursor looks exactly like this:
        // alerts committed, cursor behind. The next run re-screens the same change.
        await using (var db = NpgsqlDataSource.Create(_host.ConnectionString))
        {
            await using var rewind = db.CreateCommand("DELETE FROM monitoring_cursors WHERE tenant_id = 'resume-bank' AND list_id = 'KZ/resume-list'");
            await rewind.ExecuteNonQueryAsync();
        }

        var processed = await monitoring.CatchUp();
        var again = await AlertsAsync(admin);

        Assert.True(processed >= 1);
        Assert.Equal(first.Alerts.Select(a => a.AlertId).Order(), again.Alerts.Select(a => a.AlertId).Order());
        Assert.All(again.Alerts, a => Assert.Equal(AlertState.Open, a.State));
        Assert.Equal(["r-1", "r-2"], again.Alerts.Select(a => a.CustomerId).Order());
        Assert.True((await monitoring.Cursors())["KZ/resume-list"] > 0);
    }

    [Fact]
    public async Task CatchUp_ShardFailsMidwayThroughDelta_CursorStaysAndRetryOpensEachAlertOnce()
    {
        // Issue 6, "a failure midway through a delta re-screen resumes without losing or duplicating alerts": here the
        // failure is real and inside the fan-out: one customer's alert insert fails, so its shard's call fails while
        // the other shards have committed theirs.
        var keys = await TenantAsync("midway-bank", "KZ");
        var admin = Client(keys.Admin);
        await UploadAsync(admin, [.. Enumerable.Range(0, 12).Select(i => Customer($"m-{i}", "Amber Falcon Network"))]);
        var monitoring = _host.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IMonitoringGrain>(MonitoringKeys.Tenant("midway-bank"));
        await using var db = NpgsqlDataSource.Create(_host.ConnectionString);
        await ExecuteAsync(db, "CREATE FUNCTION midway_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.tenant_id = 'midway-bank' AND NEW.customer_id = 'm-0' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$");
        await ExecuteAsync(db, "CREATE TRIGGER midway_fail BEFORE INSERT ON monitoring_alerts FOR EACH ROW EXECUTE FUNCTION midway_fail()");
        ListAlertsResponse partial;
        try
        {
            await RecordAsync("KZ/midway-list", "KZ-MID-1", "Amber Falcon Network");
            await Assert.ThrowsAnyAsync<Exception>(monitoring.CatchUp);
            partial = await AlertsAsync(admin);
            Assert.InRange(partial.Alerts.Count, 1, 11);
            Assert.DoesNotContain(partial.Alerts, a => a.CustomerId == "m-0");
            Assert.Equal(0, (await monitoring.Cursors()).GetValueOrDefault("KZ/midway-list"));
        }
        finally
        {
            await ExecuteAsync(db, "DROP TRIGGER midway_fail ON monitoring_alerts; DROP FUNCTION midway_fail()");
        }

        // This call or the dispatcher's own retry (every RetryInterval) re-runs the change; either leaves this state.
        await monitoring.CatchUp();
        var after = await AlertsAsync(admin);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"m-{i}").Order(StringComparer.Ordinal), after.Alerts.Select(a => a.CustomerId).Order(StringComparer.Ordinal));
        Assert.All(after.Alerts, a => Assert.Equal(AlertState.Open, a.State));
        Assert.Subset(after.Alerts.Select(a => a.AlertId).ToHashSet(StringComparer.Ordinal), partial.Alerts.Select(a => a.AlertId).ToHashSet(StringComparer.Ordinal));
        Assert.True((await monitoring.Cursors())["KZ/midway-list"] > 0);
    }

    [Fact]
    public async Task Delta_CustomerUploadedAfterBackgroundIndexRebuild_IsScreened()
    {
        // Shards rebuild their reverse index in the background once uploads go quiet; a customer uploaded after such
        // a rebuild must still be found by the next list change (the rebuilt index is then stale again).
        var keys = await TenantAsync("rebuild-bank", "KZ");
        var admin = Client(keys.Admin);
        await UploadAsync(admin, [.. Enumerable.Range(0, 8).Select(i => Customer($"early-{i}", "Quiet Harbour Trading"))]);
        await Task.Delay(TimeSpan.FromSeconds(2)); // several rebuild delays: the background rebuild has run
        await UploadAsync(admin, Customer("late-1", "Quiet Harbour Trading"), Customer("late-2", "Northern Lantern Shipping"));

        await RecordAsync("KZ/rebuild-list", "KZ-REB-1", "Quiet Harbour Trading");
        await RecordAsync("KZ/rebuild-list", "KZ-REB-2", "Northern Lantern Shipping");
        var alerts = await EventuallyAsync(() => AlertsAsync(admin), r => r.Alerts.Count >= 10, "ten alerts");

        Assert.Equal(
            Enumerable.Range(0, 8).Select(i => $"early-{i}").Concat(["late-1", "late-2"]),
            alerts.Alerts.Select(a => a.CustomerId).Order(StringComparer.Ordinal));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task RemoveCustomers_ClosesTheirOpenAlerts()
    {
        var keys = await TenantAsync("removing-bank", "KZ");
        var admin = Client(keys.Admin);
        await RecordAsync("KZ/remove-list", "KZ-REM-1", "Amber Road Logistics");
        await UploadAsync(admin, Customer("x-1", "Amber Road Logistics"));
        var alert = Assert.Single((await EventuallyAsync(() => AlertsAsync(admin, AlertState.Open), r => r.Alerts.Count > 0, "an open alert")).Alerts);

        var removed = await admin.RemoveCustomersAsync(new RemoveCustomersRequest { CustomerIds = { "x-1", "never-there" } });

        Assert.Equal(1, removed.Removed);
        var closed = await admin.GetAlertAsync(new GetAlertRequest { AlertId = alert.AlertId });
        Assert.Equal(AlertState.Closed, closed.State);
        Assert.Equal("customer removed from monitoring", closed.CloseReason);
    }
}
