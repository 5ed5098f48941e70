using System.Diagnostics;
using System.Globalization;
using Screening.Grains.Audit;
using Screening.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.Host.Tests.Audit;

/// <summary>
/// A measured run of the writer for docs/PERFORMANCE.md; does real work only with AUDIT_MEASURE=1 (see the command
/// there), so normal test runs stay short.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditThroughputMeasurement(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Measure_ConcurrentAppends_ReportsRecordsPerSecond()
    {
        var measure = Environment.GetEnvironmentVariable("AUDIT_MEASURE") == "1";
        var callers = int.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_CALLERS"), CultureInfo.InvariantCulture, out var c) ? c : 256;
        var total = measure ? Math.Min(100_000, callers * 2_000) : 2_000;
        await using var db = new AuditDatabaseSupport(await postgres.CreateMigratedDatabaseAsync("measure"));
        var flush = double.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_FLUSH_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : 2;
        var writers = int.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_WRITERS"), CultureInfo.InvariantCulture, out var w) ? w : new AuditOptions().Writers;
        var tenants = int.TryParse(Environment.GetEnvironmentVariable("AUDIT_MEASURE_TENANTS"), CultureInfo.InvariantCulture, out var t) ? t : 8;
        var writer = db.Writer(new AuditOptions { FlushInterval = TimeSpan.FromMilliseconds(flush), Writers = writers });
        var request = new string('x', 600);
        var latencies = new double[total];
        var next = -1;

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var record = AuditRecords.For($"tenant-{i % tenants}", TimeProvider.System.GetUtcNow()) with { RequestJson = request, ResponseJson = request };
                var started = Stopwatch.GetTimestamp();
                await writer.AppendAsync(record, CancellationToken.None);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        Array.Sort(latencies);
        var transactions = await db.ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM audit_screening");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FlushInterval {flush} ms, {writers} writers: {total} records, {callers} concurrent callers, {tenants} tenants, ~1.3 KB each: {total / clock.Elapsed.TotalSeconds:F0} records/s, {transactions} transactions (mean batch {(double)total / transactions:F0}), append latency p50 {latencies[total / 2]:F1} ms, p99 {latencies[(int)(total * 0.99)]:F1} ms; CPU of this process (callers and writer) {cpu.TotalSeconds:F1} s = {cpu.TotalMicroseconds / total:F0} us per record"));
        Assert.Equal(total, await db.ScalarAsync<long>("SELECT count(*) FROM audit_screening"));
    }
}
