using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Screening.Grains.Abstractions.Errors;
using Screening.Grains.Audit;
using Screening.Host.Tests.Infrastructure;

namespace Screening.Host.Tests.Audit;

/// <summary>The group-commit writer and the chain verification against a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitAuditLogTests(PostgresFixture postgres) : IAsyncLifetime
{
    private AuditDatabaseSupport _db = null!;

    public async Task InitializeAsync() => _db = new AuditDatabaseSupport(await postgres.CreateMigratedDatabaseAsync("audit"));

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task AppendAsync_ManyConcurrentCallers_AllCommittedWithGapFreeChains(int writers)
    {
        var options = AuditDatabaseSupport.FastOptions();
        options.Writers = writers;
        var writer = _db.Writer(options);
        string[] tenants = ["bank-a", "bank-b", "bank-c"];

        var receipts = await Task.WhenAll(Enumerable.Range(0, 3000).Select(i =>
            writer.AppendAsync(AuditRecords.For(tenants[i % 3], TimeProvider.System.GetUtcNow()), CancellationToken.None).AsTask()));

        Assert.Equal(3000L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_screening"));
        foreach (var tenant in tenants)
        {
            var sequences = receipts.Where(r => r.TenantId == tenant).Select(r => r.Sequence).Order().ToArray();
            Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), sequences);
            var report = await _db.Reader().VerifyChainAsync(tenant, CancellationToken.None);
            Assert.True(report.Intact, report.FirstBreak?.Reason);
            Assert.Equal(1000, report.RecordsChecked);
            Assert.Equal(1000, report.HeadSequence);
            Assert.Equal(receipts.Single(r => r.TenantId == tenant && r.Sequence == 1000).Hash, report.HeadHash);
        }

        // Group commit: far fewer transactions than records (the batch size is not fixed, so only a loose bound).
        Assert.True(await _db.ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM audit_screening") < 1500);
    }

    [Fact]
    public async Task AppendAsync_TwoWritersOneTenant_OneChainWithoutGaps()
    {
        // Two writers stand for two silos: they take turns on the tenant's chain head.
        var silo1 = _db.Writer();
        var silo2 = _db.Writer();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i =>
            (i % 2 == 0 ? silo1 : silo2).AppendAsync(AuditRecords.For("shared", TimeProvider.System.GetUtcNow()), CancellationToken.None).AsTask()));

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), receipts.Select(r => r.Sequence).Order());
        var report = await _db.Reader().VerifyChainAsync("shared", CancellationToken.None);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(2000, report.RecordsChecked);
    }

    [Fact]
    public async Task AppendAsync_SameTenantAgain_LinksFromTheHeadItLeftInOneRoundTrip()
    {
        var writer = _db.Writer();
        for (var i = 0; i < 3; i++)
        {
            await writer.AppendAsync(AuditRecords.For("steady", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        }

        // The first batch reads the head under lock; the next two are linked from the head the writer left.
        Assert.Equal(2, writer.BatchesFromKnownHeads);
        Assert.Equal(0, writer.HeadsMoved);
        var report = await _db.Reader().VerifyChainAsync("steady", CancellationToken.None);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(3, report.HeadSequence);
    }

    [Fact]
    public async Task AppendAsync_HeadMovedByAnotherWriter_WritesNothingFromTheStaleHeadAndRelinks()
    {
        // silo1 knows the head after its first record; silo2 then appends, so silo1's belief is stale.
        var silo1 = _db.Writer();
        var silo2 = _db.Writer();
        var first = await silo1.AppendAsync(AuditRecords.For("turns", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        var second = await silo2.AppendAsync(AuditRecords.For("turns", TimeProvider.System.GetUtcNow()), CancellationToken.None);

        var third = await silo1.AppendAsync(AuditRecords.For("turns", TimeProvider.System.GetUtcNow()), CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], new[] { first.Sequence, second.Sequence, third.Sequence });
        Assert.Equal(1, silo1.HeadsMoved);
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_screening WHERE tenant_id = 'turns'"));
        var report = await _db.Reader().VerifyChainAsync("turns", CancellationToken.None);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(third.Hash, report.HeadHash);

        // And silo1 is back on the one-round-trip path from the head it now knows.
        await silo1.AppendAsync(AuditRecords.For("turns", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        Assert.Equal(1, silo1.BatchesFromKnownHeads);
    }

    [Fact]
    public async Task AppendAsync_FailedOneRoundTripBatch_ForgetsTheHeadsAndRecovers()
    {
        var writer = _db.Writer();
        await writer.AppendAsync(AuditRecords.For("forget", TimeProvider.System.GetUtcNow()), CancellationToken.None);

        // The one-round-trip path needs audit_advance_heads: without it the batch fails and nothing is acknowledged.
        await _db.ExecuteAsync("ALTER FUNCTION audit_advance_heads(text[], bigint[], bytea[], bigint[], bytea[]) RENAME TO audit_advance_heads_away");
        var error = await Assert.ThrowsAsync<PlatformException>(async () =>
            await writer.AppendAsync(AuditRecords.For("forget", TimeProvider.System.GetUtcNow()), CancellationToken.None));
        Assert.Equal(PlatformErrorCode.Unavailable, error.Code);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_screening WHERE tenant_id = 'forget'"));

        // The failure made the writer forget what it believed: the next batch reads the heads under lock and commits.
        var next = await writer.AppendAsync(AuditRecords.For("forget", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        Assert.Equal(2, next.Sequence);
        await _db.ExecuteAsync("ALTER FUNCTION audit_advance_heads_away(text[], bigint[], bytea[], bigint[], bytea[]) RENAME TO audit_advance_heads");
        var report = await _db.Reader().VerifyChainAsync("forget", CancellationToken.None);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(0, writer.HeadsMoved);
    }

    [Fact]
    public async Task AppendAsync_Committed_ReadsBackExactly()
    {
        var writer = _db.Writer();
        var at = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcTicks / 10 * 10 + 7, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(5));
        var record = AuditRecords.For("exact", at, AuditRecord.PotentialMatch, "ref \"ü\" Талибан");

        var receipt = await writer.AppendAsync(record, CancellationToken.None);
        var entry = await _db.Reader().GetAsync("exact", record.ScreeningId, CancellationToken.None);

        Assert.NotNull(entry);
        Assert.Equal(record with { ScreenedAt = AuditChainHash.ToStoredPrecision(at) }, entry.Record);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(new string('0', 64), entry.PreviousHash);
        Assert.Equal(receipt.Hash, entry.Hash);
    }

    [Fact]
    public async Task AppendAsync_ScreeningIdNotMadeForItsTime_IsRefusedAndNothingWritten()
    {
        var writer = _db.Writer();
        var now = TimeProvider.System.GetUtcNow();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await writer.AppendAsync(AuditRecords.For("id-time", now) with { ScreeningId = AuditRecord.NewScreeningId(now.AddSeconds(-1)) }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await writer.AppendAsync(AuditRecords.For("id-time", now) with { ScreeningId = Guid.NewGuid().ToString() }, CancellationToken.None));

        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_screening WHERE tenant_id = 'id-time'"));
    }

    [Fact]
    public async Task GetAsync_ByScreeningId_FindsOnlyThatRecordAmongNeighboursOfTheSameMillisecond()
    {
        var writer = _db.Writer();
        var at = TimeProvider.System.GetUtcNow();
        var records = Enumerable.Range(0, 5).Select(i => AuditRecords.For("same-ms", at, clientReference: $"c{i}")).ToArray();
        foreach (var record in records)
        {
            await writer.AppendAsync(record, CancellationToken.None);
        }

        var reader = _db.Reader();
        foreach (var record in records)
        {
            Assert.Equal(record.ClientReference, (await reader.GetAsync("same-ms", record.ScreeningId, CancellationToken.None))?.Record.ClientReference);
        }

        Assert.Null(await reader.GetAsync("same-ms", Guid.NewGuid().ToString(), CancellationToken.None));
        Assert.Null(await reader.GetAsync("same-ms", "not-a-guid", CancellationToken.None));
        Assert.Null(await reader.GetAsync("other-tenant", records[0].ScreeningId, CancellationToken.None));
    }

    [Fact]
    public void MillisecondOf_NewScreeningId_IsTheMillisecondItWasMadeFor()
    {
        var at = new DateTimeOffset(2023, 12, 29, 10, 11, 12, 345, TimeSpan.FromHours(6)).AddTicks(6789);

        Assert.Equal(new DateTimeOffset(2023, 12, 29, 4, 11, 12, 345, TimeSpan.Zero), AuditRecord.MillisecondOf(AuditRecord.NewScreeningId(at)));
        Assert.Null(AuditRecord.MillisecondOf(Guid.NewGuid().ToString()));
        Assert.Null(AuditRecord.MillisecondOf(AuditRecord.NewScreeningId(at).ToUpperInvariant() + " "));
        Assert.Null(AuditRecord.MillisecondOf(null));
    }

    [Theory]
    [InlineData("UPDATE audit_screening SET decision = 'CLEAR' WHERE tenant_id = 'tamper' AND seq = 4", 4, "altered")]
    [InlineData("UPDATE audit_screening SET response_json = response_json || ' ' WHERE tenant_id = 'tamper' AND seq = 7", 7, "altered")]
    [InlineData("DELETE FROM audit_screening WHERE tenant_id = 'tamper' AND seq = 5", 5, "missing")]
    [InlineData("DELETE FROM audit_screening WHERE tenant_id = 'tamper' AND seq >= 9", 9, "head")]
    [InlineData("UPDATE audit_screening SET prev_hash = decode(repeat('ab', 32), 'hex') WHERE tenant_id = 'tamper' AND seq = 3", 3, "altered")]
    public async Task VerifyChain_RecordTamperedInSql_ReportsThatLink(string tamper, long brokenSequence, string reason)
    {
        var writer = _db.Writer();
        var receipts = new List<AuditReceipt>();
        for (var i = 0; i < 10; i++)
        {
            receipts.Add(await writer.AppendAsync(AuditRecords.For("tamper", TimeProvider.System.GetUtcNow(), AuditRecord.PotentialMatch, $"cust-{i}"), CancellationToken.None));
        }

        Assert.True((await _db.Reader().VerifyChainAsync("tamper", CancellationToken.None)).Intact);

        await _db.ExecuteAsync(tamper);
        var report = await _db.Reader().VerifyChainAsync("tamper", CancellationToken.None);

        Assert.False(report.Intact);
        Assert.NotNull(report.FirstBreak);
        Assert.Equal(brokenSequence, report.FirstBreak.Sequence);
        Assert.Contains(reason, report.FirstBreak.Reason, StringComparison.Ordinal);
        Assert.Equal(brokenSequence - 1, report.RecordsChecked);
        if (reason != "head")
        {
            var reportedAt = reason == "missing" ? brokenSequence + 1 : brokenSequence;
            Assert.Equal(receipts[(int)reportedAt - 1].ScreeningId, report.FirstBreak.ScreeningId);
        }
    }

    [Fact]
    public async Task VerifyChain_RecordRehashedInSql_ReportsBrokenLinkAtNextRecord()
    {
        // A forger who alters record 4 and recomputes its hash still breaks the link from record 5.
        var writer = _db.Writer();
        for (var i = 0; i < 6; i++)
        {
            await writer.AppendAsync(AuditRecords.For("forger", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        }

        var reader = _db.Reader();
        var original = (await reader.QueryAsync(new AuditQuery("forger"), CancellationToken.None)).Items.Single(s => s.Sequence == 4);
        var entry = (await reader.GetAsync("forger", original.ScreeningId, CancellationToken.None))!;
        var forged = entry.Record with { Decision = AuditRecord.PotentialMatch };
        var forgedHash = AuditChainHash.Link(Convert.FromHexString(entry.PreviousHash), "forger", 4, AuditChainHash.ContentDigest(forged));
        await _db.ExecuteAsync("UPDATE audit_screening SET decision = 'POTENTIAL_MATCH', hash = $1 WHERE tenant_id = 'forger' AND seq = 4", forgedHash);

        var report = await reader.VerifyChainAsync("forger", CancellationToken.None);

        Assert.False(report.Intact);
        Assert.Equal(5, report.FirstBreak!.Sequence);
        Assert.Contains("prev_hash does not match", report.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyChain_UnknownTenant_IsIntactAndEmpty()
    {
        var report = await _db.Reader().VerifyChainAsync("nobody", CancellationToken.None);

        Assert.True(report.Intact);
        Assert.Equal(0, report.RecordsChecked);
        Assert.Equal(0, report.HeadSequence);
    }

    [Fact]
    public async Task AppendAsync_DatabaseUnreachable_FailsUnavailable()
    {
        var wrongPort = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = FreePorts.Next() }.ConnectionString;
        var writer = _db.Writer(AuditDatabaseSupport.FastOptions(), connectionString: wrongPort);

        var errors = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Assert.ThrowsAsync<PlatformException>(async () => await writer.AppendAsync(AuditRecords.For("down", TimeProvider.System.GetUtcNow()), CancellationToken.None))));

        Assert.All(errors, e => Assert.Equal(PlatformErrorCode.Unavailable, e.Code));
    }

    [Fact]
    public async Task AppendAsync_DatabaseDropped_FailsUnavailableAndAcknowledgesNothing()
    {
        var doomed = await postgres.CreateMigratedDatabaseAsync("doomed");
        var writer = _db.Writer(connectionString: doomed);
        await writer.AppendAsync(AuditRecords.For("doomed", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        var name = new NpgsqlConnectionStringBuilder(doomed).Database!;

        await using (var admin = new NpgsqlConnection(postgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await writer.AppendAsync(AuditRecords.For("doomed", TimeProvider.System.GetUtcNow()), CancellationToken.None);
                return (PlatformErrorCode?)null;
            }
            catch (PlatformException e)
            {
                return e.Code;
            }
        }));

        Assert.All(outcomes, code => Assert.Equal(PlatformErrorCode.Unavailable, code));
    }

    [Fact]
    public async Task AppendAsync_ConnectionsKilledDuringLoad_EveryAcknowledgedRecordIsStoredAndChainHolds()
    {
        var writer = _db.Writer();
        var database = new NpgsqlConnectionStringBuilder(_db.ConnectionString).Database!;
        var acknowledged = new ConcurrentBag<AuditReceipt>();
        var failures = 0;
        using var stop = new CancellationTokenSource();

        var killer = Task.Run(async () =>
        {
            await using var admin = new NpgsqlConnection(postgres.AdminConnectionString);
            await admin.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var kill = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'screening-audit'", admin);
                kill.Parameters.Add(new NpgsqlParameter { Value = database });
                await kill.ExecuteScalarAsync();
                await Task.Delay(Random.Shared.Next(20, 120));
            }
        });

        var callers = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 150; i++)
            {
                try
                {
                    acknowledged.Add(await writer.AppendAsync(AuditRecords.For($"killed-{c % 2}", TimeProvider.System.GetUtcNow()), CancellationToken.None));
                }
                catch (PlatformException e) when (e.Code == PlatformErrorCode.Unavailable)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(callers);
        await stop.CancelAsync();
        await killer;

        Assert.True(failures > 0, "the killer should have failed some batches");
        Assert.NotEmpty(acknowledged);
        foreach (var receipt in acknowledged)
        {
            var stored = await _db.ScalarAsync<string>("SELECT encode(hash, 'hex') FROM audit_screening WHERE tenant_id = $1 AND screening_id = $2", receipt.TenantId, receipt.ScreeningId);
            Assert.Equal(receipt.Hash, stored);
        }

        foreach (var tenant in new[] { "killed-0", "killed-1" })
        {
            var report = await _db.Reader().VerifyChainAsync(tenant, CancellationToken.None);
            Assert.True(report.Intact, report.FirstBreak?.Reason);
        }
    }

    [Fact]
    public async Task AppendAsync_QueueSmallerThanLoad_CallersWaitAndAllComplete()
    {
        var writer = _db.Writer(new AuditOptions { QueueCapacity = 4, MaxBatchSize = 3, FlushInterval = TimeSpan.Zero, FailureBackoff = TimeSpan.Zero });

        var receipts = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ =>
            writer.AppendAsync(AuditRecords.For("small-queue", TimeProvider.System.GetUtcNow()), CancellationToken.None).AsTask()));

        Assert.Equal(300, receipts.Select(r => r.Sequence).Distinct().Count());
        Assert.True(await _db.ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM audit_screening") >= 100);
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedRecords_WritesThemBeforeReturning()
    {
        var writer = _db.Writer(new AuditOptions { FlushInterval = TimeSpan.FromMilliseconds(50), MaxBatchSize = 100, FailureBackoff = TimeSpan.Zero });
        var pending = Enumerable.Range(0, 500).Select(_ => writer.AppendAsync(AuditRecords.For("flush", TimeProvider.System.GetUtcNow()), CancellationToken.None).AsTask()).ToArray();

        await writer.DisposeAsync();

        Assert.All(pending, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(500L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_screening WHERE tenant_id = 'flush'"));
        var late = await Assert.ThrowsAsync<PlatformException>(async () => await writer.AppendAsync(AuditRecords.For("flush", TimeProvider.System.GetUtcNow()), CancellationToken.None));
        Assert.Equal(PlatformErrorCode.Unavailable, late.Code);
    }

    [Fact]
    public async Task AppendAsync_ClientReferenceWithNul_IsInvalidArgumentAndOthersOfTheBatchCommit()
    {
        var writer = _db.Writer();
        var good = writer.AppendAsync(AuditRecords.For("nul", TimeProvider.System.GetUtcNow()), CancellationToken.None).AsTask();

        var error = await Assert.ThrowsAsync<PlatformException>(async () =>
            await writer.AppendAsync(AuditRecords.For("nul", TimeProvider.System.GetUtcNow()) with { ClientReference = "a\0b" }, CancellationToken.None));

        Assert.Equal(PlatformErrorCode.InvalidArgument, error.Code);
        Assert.Equal(1, (await good).Sequence);
    }

    [Fact]
    public async Task Retention_PartitionOlderThanRetention_IsDroppedAndRetainedChainStillVerifies()
    {
        var then = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var oldWriter = _db.Writer(new AuditOptions { FlushInterval = TimeSpan.Zero, FailureBackoff = TimeSpan.Zero }, then);
        for (var i = 0; i < 5; i++)
        {
            await oldWriter.AppendAsync(AuditRecords.For("retained", then.GetUtcNow()), CancellationToken.None);
        }

        await oldWriter.AppendAsync(AuditRecords.For("only-old", then.GetUtcNow()), CancellationToken.None);
        var writer = _db.Writer();
        for (var i = 0; i < 3; i++)
        {
            await writer.AppendAsync(AuditRecords.For("retained", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        }

        var dropped = await _db.Maintenance(new AuditOptions { RetentionDays = 30 }).RunOnceAsync(CancellationToken.None);

        Assert.Equal(["audit_screening_y2020m01"], dropped);
        Assert.Null(await _db.ScalarAsync<string>("SELECT to_regclass('audit_screening_y2020m01')::text"));
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_screening WHERE tenant_id = 'retained'"));
        var report = await _db.Reader().VerifyChainAsync("retained", CancellationToken.None);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(6, report.RetainedFromSequence);
        Assert.Equal(3, report.RecordsChecked);
        Assert.Equal(8, report.HeadSequence);
        var onlyOld = await _db.Reader().VerifyChainAsync("only-old", CancellationToken.None);
        Assert.True(onlyOld.Intact, onlyOld.FirstBreak?.Reason);
        Assert.Equal(0, onlyOld.RecordsChecked);

        var next = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddMonths(1));
        Assert.NotNull(await _db.ScalarAsync<string>($"SELECT to_regclass('audit_screening_y{next.Year:D4}m{next.Month:D2}')::text"));
        Assert.Empty(await _db.Maintenance(new AuditOptions { RetentionDays = 30 }).RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task QueryAsync_FiltersAndPages_NewestFirstWithoutDuplicates()
    {
        // Whole seconds: the stored precision is microseconds, and the window bounds below are exact.
        var time = new FakeTimeProvider(new DateTimeOffset(TimeProvider.System.GetUtcNow().AddMinutes(-30).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
        var writer = _db.Writer(new AuditOptions { FlushInterval = TimeSpan.Zero, FailureBackoff = TimeSpan.Zero }, time);
        var start = time.GetUtcNow();
        for (var i = 0; i < 25; i++)
        {
            await writer.AppendAsync(AuditRecords.For("pages", time.GetUtcNow(), i % 5 == 0 ? AuditRecord.PotentialMatch : AuditRecord.Clear, $"cust-{i % 4}"), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(i % 3 == 0 ? 0 : 1)); // some records share a timestamp
        }

        var reader = _db.Reader();
        var seen = new List<AuditSummary>();
        string? token = null;
        do
        {
            var page = await reader.QueryAsync(new AuditQuery("pages", PageSize: 4, PageToken: token), CancellationToken.None);
            seen.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => (long)i), seen.Select(s => s.Sequence));
        var matches = await reader.QueryAsync(new AuditQuery("pages", Decision: AuditRecord.PotentialMatch), CancellationToken.None);
        Assert.Equal([21L, 16, 11, 6, 1], matches.Items.Select(s => s.Sequence));
        var byReference = await reader.QueryAsync(new AuditQuery("pages", ClientReference: "cust-1"), CancellationToken.None);
        Assert.All(byReference.Items, s => Assert.Equal("cust-1", s.ClientReference));
        Assert.Equal(6, byReference.Items.Count);
        var window = await reader.QueryAsync(new AuditQuery("pages", From: start.AddSeconds(5), To: start.AddSeconds(10)), CancellationToken.None);
        Assert.All(window.Items, s => Assert.InRange(s.ScreenedAt, start.AddSeconds(5), start.AddSeconds(10).AddTicks(-1)));
        Assert.NotEmpty(window.Items);
        var bad = await Assert.ThrowsAsync<PlatformException>(() => reader.QueryAsync(new AuditQuery("pages", PageToken: "not-a-token"), CancellationToken.None));
        Assert.Equal(PlatformErrorCode.InvalidArgument, bad.Code);
    }
}
