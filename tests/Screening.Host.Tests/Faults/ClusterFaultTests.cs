using System.Globalization;
using Grpc.Core;
using Screening.Contracts.V1;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Host.Tests.Faults;

/// <summary>
/// Faults on a real three-process cluster under a screening load (issue 8). Short by default (CI); FAULT_MEASURE=1 runs
/// the long version, and FAULT_REPORT=file collects the figures (deploy/fault-tests.sh). Nothing here asserts a time:
/// recovery times are measured and reported. What is asserted: only retryable errors, no acknowledged answer without
/// its audit record, no answer from an old list version, and service resumes without restarting the survivors.
/// </summary>
public sealed class ClusterFaultTests(FaultCluster cluster, ITestOutputHelper output) : IClassFixture<FaultCluster>
{
    private const string Listed = "Taliban";

    private static readonly StatusCode[] Retryable = [StatusCode.Unavailable, StatusCode.DeadlineExceeded];

    private static readonly StatusCode[] CutMidFlight = [.. Retryable, StatusCode.Internal];

    private static int Workers => FaultCluster.Measure ? 4 : 2;

    private static TimeSpan Pause => TimeSpan.FromMilliseconds(FaultCluster.Measure ? 5 : 20);

    private static TimeSpan Phase(int shortSeconds, int longSeconds) => TimeSpan.FromSeconds(FaultCluster.Measure ? longSeconds : shortSeconds);

    /// <summary>Lists an entity named <paramref name="name"/> on TJ/terrorist-organisations, effective 30 days ago (set-up retries UNAVAILABLE).</summary>
    private static Task<RevisionResult> ListEntityAsync(ListAdminService.ListAdminServiceClient lists, string name)
    {
        var sourceId = "FAULT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return FaultCluster.RetryUnavailableAsync(async () => await lists.RecordDesignationAsync(new RecordDesignationRequest
        {
            ListId = "TJ/terrorist-organisations",
            EffectiveDate = Today(-30),
            Reason = "fault test",
            Designation = new DesignationInput { SourceId = sourceId, Type = SubjectType.Entity, Names = { new DesignationName { FullName = name } } },
        }));
    }

    private static string Today(int offsetDays = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offsetDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<long> CurrentVersionAsync(string key)
    {
        using var channel = cluster.Silos[0].Channel(key);
        var answer = await new ScreeningService.ScreeningServiceClient(channel).ScreenAsync(new ScreenRequest { Subject = new Subject { Names = { Listed } }, AsOf = Today() });
        Assert.NotEmpty(answer.Hits);
        return answer.ListVersions.Max(v => v.Version);
    }

    private static string Statuses(IEnumerable<CallOutcome> calls) =>
        string.Join("; ", calls.GroupBy(c => (c.Status, Detail: c.Detail?.Split('.')[0])).Select(g => $"{g.Key.Status} x{g.Count()}: {g.Key.Detail}"));

    private async Task<int> RecordsLostAsync(string tenant, IReadOnlyList<CallOutcome> calls)
    {
        var acknowledged = calls.Where(c => c.Status == StatusCode.OK).Select(c => c.ScreeningId!).ToList();
        return acknowledged.Count - await cluster.CountAuditedAsync(tenant, acknowledged);
    }

    [Fact]
    public async Task KillNine_OneOfThreeSilosUnderLoad_SurvivorsServeAndEveryAnswerIsAudited()
    {
        await cluster.EnsureAllReadyAsync();
        const string tenant = "fault-kill";
        var key = await cluster.CreateTenantAsync(tenant);
        var version = await CurrentVersionAsync(key);
        var victim = cluster.Silos[1];

        var load = new ScreeningLoad(cluster.Silos, key, Listed, Workers, Pause, TimeSpan.FromMinutes(5));
        await Task.Delay(Phase(3, 15));
        var faultAt = load.Now;
        victim.Kill();
        // Survivors answer UNAVAILABLE for the dead silo's grains until membership declares it dead (8-15 s measured,
        // docs/OPERATIONS.md), and the test needs answers after that: 15 s was at the edge (a CI run recovered at 14.9 s).
        await Task.Delay(Phase(25, 45));
        var calls = await load.StopAsync();

        var survivors = calls.Where(c => c.Silo != victim.Index).ToList();
        var survivorErrors = survivors.Where(c => c.Status != StatusCode.OK).ToList();
        var recovered = survivorErrors.Count == 0 ? TimeSpan.Zero : survivorErrors.Max(c => c.Ended) - faultAt;
        var stale = calls.Count(c => c.Status == StatusCode.OK && (c.ListVersion < version || !c.Hit));
        var lost = await RecordsLostAsync(tenant, calls);
        var figures = new FaultFigures("kill -9 of 1 of 3 silos", calls, faultAt, recovered, lost, stale,
            $"survivor errors: {Statuses(survivorErrors)}; killed silo: {Statuses(calls.Where(c => c.Silo == victim.Index && c.Status != StatusCode.OK))}");
        figures.Report(output);

        Assert.All(survivorErrors, c => Assert.Contains(c.Status, Retryable));
        // The dead silo's callers see connection failures (UNAVAILABLE) or, for calls cut mid-flight, INTERNAL/UNAVAILABLE from the transport.
        Assert.All(calls.Where(c => c.Silo == victim.Index && c.Status != StatusCode.OK), c => Assert.Contains(c.Status, CutMidFlight));
        foreach (var survivor in cluster.Silos.Where(s => s != victim))
        {
            Assert.True(survivor.Running);
            Assert.Contains(survivors, c => c.Silo == survivor.Index && c.Status == StatusCode.OK && c.Started > faultAt + recovered);
        }

        Assert.Equal(0, lost);
        Assert.Equal(0, stale);

        // The silo comes back into the same cluster and serves the tenant from persisted state.
        victim.Start();
        await victim.WaitReadyAsync();
        using var channel = victim.Channel(key);
        var again = await new ScreeningService.ScreeningServiceClient(channel).ScreenAsync(new ScreenRequest { Subject = new Subject { Names = { Listed } }, AsOf = Today() });
        Assert.Equal(Decision.PotentialMatch, again.Decision);
    }

    [Fact]
    public async Task DatabaseStoppedTenSeconds_UnderLoad_UnavailableThenResumesWithoutRestart()
    {
        await cluster.EnsureAllReadyAsync();
        const string tenant = "fault-database";
        var key = await cluster.CreateTenantAsync(tenant);
        var version = await CurrentVersionAsync(key);
        var processes = cluster.Silos.Select(s => s.Running).ToList();

        var load = new ScreeningLoad(cluster.Silos, key, Listed, Workers, Pause, TimeSpan.FromMinutes(5));
        await Task.Delay(Phase(3, 15));
        var faultAt = load.Now;
        await cluster.Postgres.SuspendAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await cluster.Postgres.ResumeAsync();
        var resumedAt = load.Now;
        // Wait (bounded) until every silo has answered again, then keep the load a little longer.
        for (var i = 0; i < 600 && !cluster.Silos.All(s => load.Outcomes.Any(c => c.Silo == s.Index && c.Status == StatusCode.OK && c.Started > resumedAt)); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(Phase(3, 15));
        var calls = await load.StopAsync();

        var firstAnswers = cluster.Silos.Select(s => calls.Where(c => c.Silo == s.Index && c.Status == StatusCode.OK && c.Started > resumedAt).Select(c => (TimeSpan?)c.Ended).Min()).ToList();
        var recovered = firstAnswers.All(a => a is not null) ? firstAnswers.Max() - resumedAt : null;
        var errors = calls.Where(c => c.Status != StatusCode.OK).ToList();
        var stale = calls.Count(c => c.Status == StatusCode.OK && (c.ListVersion < version || !c.Hit));
        var lost = await RecordsLostAsync(tenant, calls);
        new FaultFigures("PostgreSQL stopped 10 s", calls, faultAt, recovered, lost, stale, $"recovery counted from the restart of PostgreSQL; errors: {Statuses(errors)}").Report(output);

        Assert.NotEmpty(errors);
        Assert.All(errors, c => Assert.Contains(c.Status, Retryable));
        Assert.Equal(0, lost);
        Assert.Equal(0, stale);
        Assert.NotNull(recovered);
        Assert.All(cluster.Silos, s => Assert.True(s.Running, $"silo {s.Index} exited:\n{s.LogTail()}"));
        Assert.Equal(processes, cluster.Silos.Select(s => s.Running).ToList());
    }

    [Fact]
    public async Task DelistingWhileSiloDown_SiloRestarts_ServesTheNewVersionBeforeReady()
    {
        await cluster.EnsureAllReadyAsync();
        const string tenant = "fault-delisting";
        var key = await cluster.CreateTenantAsync(tenant);
        var name = "Qorvandel Maritime Syndicate";
        using var operatorChannel = cluster.Silos[0].Channel(TestHost.OperatorKey);
        var lists = new ListAdminService.ListAdminServiceClient(operatorChannel);
        var listed = await ListEntityAsync(lists, name);
        var silo = cluster.Silos[2];
        var request = new ScreenRequest { Subject = new Subject { Names = { name } }, AsOf = Today() };
        using (var before = silo.Channel(key))
        {
            // The old version answers with a hit, so a stale answer would be seen.
            Assert.Contains((await new ScreeningService.ScreeningServiceClient(before).ScreenAsync(request)).Hits, h => h.DesignationId == listed.DesignationId);
        }

        await silo.StopAsync();
        var delisted = await lists.RecordDelistingAsync(new RecordDelistingRequest { DesignationId = listed.DesignationId, EffectiveDate = Today(-1), Reason = "fault test" });
        // Both running silos either confirmed or were waited out for a lease (when the hub grain moved with the stopped
        // silo, its subscriptions are renewed only within 30 s): in both cases no running silo answers the old version.
        Assert.Equal(2, delisted.SilosConfirmed + delisted.SilosWaitedOut);
        var propagation = $"delisting with silo 2 down: confirmed by {delisted.SilosConfirmed}, waited out {delisted.SilosWaitedOut}";

        silo.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var calls = new List<CallOutcome>();
        TimeSpan? readyAt = null;
        var afterReady = 0;
        while (afterReady < 20 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var ready = await silo.IsReadyAsync();
            readyAt ??= ready ? clock.Elapsed : null;
            var started = clock.Elapsed;
            // A fresh channel per call: a reused one would sit in its reconnect back-off after the refused connections.
            using var channel = silo.Channel(key);
            try
            {
                var answer = await new ScreeningService.ScreeningServiceClient(channel).ScreenAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                calls.Add(new CallOutcome(silo.Index, started, clock.Elapsed, StatusCode.OK, null, answer.ScreeningId, answer.ListVersions.Max(v => v.Version), answer.Hits.Any(h => h.DesignationId == listed.DesignationId)));
            }
            catch (RpcException e)
            {
                calls.Add(new CallOutcome(silo.Index, started, clock.Elapsed, e.StatusCode, e.Status.Detail, null, 0, false));
                await Task.Delay(50);
            }

            afterReady += readyAt is null ? 0 : 1;
        }

        var answered = calls.Where(c => c.Status == StatusCode.OK).ToList();
        var stale = answered.Count(c => c.ListVersion < delisted.Version || c.Hit);
        var firstAnswer = answered.Select(c => (TimeSpan?)c.Ended).FirstOrDefault();
        var lost = await RecordsLostAsync(tenant, calls);
        new FaultFigures("delisting while a silo is down, then restart", calls, TimeSpan.Zero, firstAnswer, lost, stale,
            $"{propagation}; first answer {firstAnswer?.TotalSeconds:0.0} s, /readyz 200 at {readyAt?.TotalSeconds:0.0} s after the process started; errors: {Statuses(calls.Where(c => c.Status != StatusCode.OK))}").Report(output);

        Assert.NotNull(readyAt);
        Assert.Equal(0, stale);
        Assert.Equal(0, lost);
        // Once ready it answers, with the new version.
        Assert.All(calls.Where(c => c.Started >= readyAt), c => Assert.Equal(StatusCode.OK, c.Status));
        Assert.All(calls.Where(c => c.Status != StatusCode.OK), c => Assert.Contains(c.Status, Retryable));
    }

    [Fact]
    public async Task PartitionFromDatabase_OneSilo_StopsAnsweringThenResumesWithTheCurrentVersion()
    {
        await cluster.EnsureAllReadyAsync();
        const string tenant = "fault-partition";
        var key = await cluster.CreateTenantAsync(tenant);
        var name = "Velmoran Freight Collective";
        using var operatorChannel = cluster.Silos[0].Channel(TestHost.OperatorKey);
        var lists = new ListAdminService.ListAdminServiceClient(operatorChannel);
        var listed = await ListEntityAsync(lists, name);
        var partitioned = cluster.Silos[2];

        var load = new ScreeningLoad(cluster.Silos, key, name, Workers, Pause, TimeSpan.FromMinutes(5));
        await Task.Delay(Phase(3, 10));
        var cutAt = load.Now;
        cluster.Proxy.Cut();
        // The delisting is recorded through a connected silo while silo 2 cannot read the database. It may be refused
        // when a grain it needs is active on the partitioned silo; either way silo 2 must not answer from the old list.
        long? delistedVersion = null;
        TimeSpan? delistedAt = null;
        string delistingNote;
        try
        {
            var delisted = await lists.RecordDelistingAsync(new RecordDelistingRequest { DesignationId = listed.DesignationId, EffectiveDate = Today(-1), Reason = "fault test" }, deadline: DateTime.UtcNow.AddSeconds(20));
            delistedVersion = delisted.Version;
            delistedAt = load.Now;
            delistingNote = $"delisting during the partition: confirmed by {delisted.SilosConfirmed}, waited out {delisted.SilosWaitedOut}";
        }
        catch (RpcException e)
        {
            delistingNote = $"delisting during the partition refused: {e.StatusCode}";
        }

        // Longer than the server's idle-in-transaction timeout (PlatformStorage.IdleInTransactionTimeoutMs): if silo 2 was
        // cut inside an audit transaction, its chain lock is released after that and the other silos answer again.
        await Task.Delay(Phase(14, 20));
        var healedAt = load.Now;
        cluster.Proxy.Heal();
        for (var i = 0; i < 600 && !load.Outcomes.Any(c => c.Silo == partitioned.Index && c.Status == StatusCode.OK && c.Started > healedAt); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(Phase(2, 10));
        var calls = await load.StopAsync();

        // Stale: an answer still showing the designation, or an older list version, in a call that started after the delisting was acknowledged.
        var stale = delistedAt is { } at ? calls.Count(c => c.Status == StatusCode.OK && c.Started > at && (c.Hit || c.ListVersion < delistedVersion)) : 0;
        var lost = await RecordsLostAsync(tenant, calls);
        var mine = calls.Where(c => c.Silo == partitioned.Index).ToList();
        var lease = TimeSpan.FromSeconds(3);
        var answeredWhileCut = mine.Count(c => c.Status == StatusCode.OK && c.Started > cutAt + lease && c.Ended < healedAt);
        var firstAfterHeal = mine.Where(c => c.Status == StatusCode.OK && c.Started > healedAt).Select(c => (TimeSpan?)c.Ended).Min();
        new FaultFigures("silo 2 partitioned from PostgreSQL (not from clients)", calls, cutAt, firstAfterHeal - healedAt, lost, stale,
            $"{delistingNote}; silo 2 answers while cut (after the 3 s lease): {answeredWhileCut}; recovery counted from the heal; silo 2 errors: {Statuses(mine.Where(c => c.Status != StatusCode.OK))}; other silos errors: {Statuses(calls.Where(c => c.Silo != partitioned.Index && c.Status != StatusCode.OK))}").Report(output);

        Assert.Equal(0, answeredWhileCut);
        Assert.Equal(0, stale);
        Assert.Equal(0, lost);
        Assert.All(mine.Where(c => c.Status != StatusCode.OK), c => Assert.Contains(c.Status, Retryable));
        Assert.NotNull(firstAfterHeal);
        foreach (var connected in cluster.Silos.Where(s => s != partitioned))
        {
            Assert.Contains(calls, c => c.Silo == connected.Index && c.Status == StatusCode.OK && c.Started > cutAt + lease && c.Ended < healedAt);
        }
    }
}
